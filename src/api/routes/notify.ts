import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { NotificationIdSchema } from '../contract';
import { presentDeadLetter } from '../presenters/notify';
import { teamIdOf, type Params } from './params';

const notificationIdOf = (params: Params) => NotificationIdSchema.parse(params.notificationId);

/** `/api/teams/:teamId/dead-letters…`: notifications that could not be delivered (owners). */
export function notifyRoutes(services: Services): Router {
  const router = Router();

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
