import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { InsightPeriodSchema, InsightSettingsChangeSchema } from '../contract';
import { presentInsights } from '../presenters/insights';
import { teamIdOf } from './params';

/** `?period=` names the field when it is missing or not one of the periods. */
const PeriodQuerySchema = z.object({ period: InsightPeriodSchema });

/**
 * `/api/teams/:teamId/insights` (owners and the Culture Guardian) and
 * `/api/teams/:teamId/insight-settings` (owners): how help flows through the team.
 */
export function insightRoutes(services: Services): Router {
  const router = Router();

  router.get('/:teamId/insights', async (req, res) => {
    const { period } = PeriodQuerySchema.parse({ period: req.query.period });
    const view = await services.getInsights(userOf(res.locals), teamIdOf(req.params), period);
    res.json({ data: presentInsights(view) });
  });

  router.get('/:teamId/insight-settings', async (req, res) => {
    const settings = await services.getInsightSettings(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: settings });
  });

  router.put('/:teamId/insight-settings', async (req, res) => {
    const change = InsightSettingsChangeSchema.parse(req.body ?? {});
    const settings = await services.saveInsightSettings(
      userOf(res.locals),
      teamIdOf(req.params),
      change,
    );
    res.json({ data: settings });
  });

  return router;
}
