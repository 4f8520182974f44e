import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { TeamIdSchema } from '../contract';
import { presentCompact, presentMember, presentTeam } from '../presenters';

/** `/api/teams/:teamId/...`: every route goes through a service that checks the roster. */
export function teamRoutes(services: Services): Router {
  const router = Router();
  const teamIdOf = (params: Record<string, string | string[] | undefined>) =>
    TeamIdSchema.parse(params.teamId);

  router.get('/:teamId', async (req, res) => {
    const team = await services.getTeam(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentTeam(team) });
  });

  router.get('/:teamId/members', async (req, res) => {
    const members = await services.listMembers(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: members.map(presentMember) });
  });

  router.get('/:teamId/compact', async (req, res) => {
    const compact = await services.getCompact(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentCompact(compact) });
  });

  return router;
}
