import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { GuardianUpdateSchema } from '../contract';
import { presentGuardian } from '../presenters/guardian';
import { teamIdOf } from './params';

/** `/api/teams/:teamId/guardian…`: the Culture Guardian rotation. */
export function guardianRoutes(services: Services): Router {
  const router = Router();

  router.get('/:teamId/guardian', async (req, res) => {
    const view = await services.getGuardian(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentGuardian(view) });
  });

  router.put('/:teamId/guardian', async (req, res) => {
    const change = GuardianUpdateSchema.parse(req.body);
    const view = await services.saveGuardianSettings(
      userOf(res.locals),
      teamIdOf(req.params),
      change,
    );
    res.json({ data: presentGuardian(view) });
  });

  router.post('/:teamId/guardian/rotate', async (req, res) => {
    const view = await services.rotateGuardianNow(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentGuardian(view) });
  });

  return router;
}
