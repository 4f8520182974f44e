import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { presentMe } from '../presenters';

/** `/api/me`: who the token says you are, and the teams you can open. */
export function meRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const user = userOf(res.locals);
    const [teams, removed] = await Promise.all([
      services.listMyTeams(user),
      services.listRemovedTeams(user),
    ]);
    res.json({ data: presentMe(user, teams, removed) });
  });
  return router;
}
