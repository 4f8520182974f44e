import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { KudosFeedQuerySchema, KudosGiveReqSchema } from '../contract';
import { presentKudos } from '../presenters/kudos';
import { teamIdOf } from './params';

/**
 * `/api/teams/:teamId/kudos`: the team's kudos feed and giving kudos; `/api/teams/:teamId/me/kudos`:
 * what the caller received and gave. No counts anywhere: stories only.
 */
export function kudosRoutes(services: Services): Router {
  const router = Router();

  router.get('/:teamId/kudos', async (req, res) => {
    const { after, limit } = KudosFeedQuerySchema.parse(req.query);
    const feed = await services.listKudosFeed(userOf(res.locals), teamIdOf(req.params), {
      after,
      limit,
    });
    res.json({
      data: { kudos: feed.kudos.map((k) => presentKudos(k, feed.people)), next: feed.next ?? null },
    });
  });

  router.get('/:teamId/me/kudos', async (req, res) => {
    const mine = await services.listMyKudos(userOf(res.locals), teamIdOf(req.params));
    res.json({
      data: {
        received: mine.received.map((k) => presentKudos(k, mine.people)),
        given: mine.given.map((k) => presentKudos(k, mine.people)),
      },
    });
  });

  router.post('/:teamId/kudos', async (req, res) => {
    const input = KudosGiveReqSchema.parse(req.body ?? {});
    const given = await services.giveKudos(userOf(res.locals), teamIdOf(req.params), input);
    res.status(given.created ? 201 : 200).json({ data: presentKudos(given.kudos, given.people) });
  });

  return router;
}
