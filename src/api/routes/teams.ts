import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { NotificationIdSchema, TeamIdSchema } from '../contract';
import { presentDeadLetter, presentMember, presentTeam } from '../presenters';

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

  const notificationIdOf = (params: Record<string, string | string[] | undefined>) =>
    NotificationIdSchema.parse(params.notificationId);

  router.get('/:teamId/dead-letters', async (req, res) => {
    const entries = await services.listDeadLetters(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: entries.map(presentDeadLetter) });
  });

  router.post('/:teamId/dead-letters/:notificationId/retry', async (req, res) => {
    const notificationId = notificationIdOf(req.params);
    await services.retryDeadLetter(userOf(res.locals), teamIdOf(req.params), notificationId);
    res.json({ data: { notificationId } });
  });

  router.delete('/:teamId/dead-letters/:notificationId', async (req, res) => {
    const notificationId = notificationIdOf(req.params);
    await services.discardDeadLetter(userOf(res.locals), teamIdOf(req.params), notificationId);
    res.json({ data: { notificationId } });
  });

  return router;
}
