import express, { Router } from 'express';
import type { Services } from '../services';
import type { RateWindow } from '../core/notify/rate-limit';
import { authenticate, type TokenVerifier } from './auth';
import { rateLimitPerUser } from './rate-limit';
import { meRoutes, teamRoutes } from './routes/team';
import { notifyRoutes } from './routes/notify';
import { rotationRoutes } from './routes/rotations';
import { guardianRoutes } from './routes/guardian';
import { helpRoutes } from './routes/help';
import { compactRoutes } from './routes/compact';
import { personalDataRoutes } from './routes/privacy';
import { pulseAnswerRoutes, pulseRoutes } from './routes/pulse';
import { kudosRoutes } from './routes/kudos';
import { insightRoutes } from './routes/insights';

export const API_BODY_LIMIT = '64kb';

export interface ApiRouterOptions {
  services: Services;
  verify: TokenVerifier;
  ratePerUser: readonly RateWindow[];
}

/** The tab's API. Errors fall through to `errorHandler`, mounted once by the server. */
export function createApiRouter({ services, verify, ratePerUser }: ApiRouterOptions): Router {
  const router = Router();
  router.use(express.json({ limit: API_BODY_LIMIT }));
  router.use(authenticate(verify));
  router.use(rateLimitPerUser(ratePerUser));
  router.use('/me', meRoutes(services));
  router.use('/teams', teamRoutes(services));
  router.use('/teams', notifyRoutes(services));
  router.use('/teams', rotationRoutes(services));
  router.use('/teams', guardianRoutes(services));
  router.use('/teams', helpRoutes(services));
  router.use('/teams', compactRoutes(services));
  router.use('/teams', personalDataRoutes(services));
  router.use('/teams', pulseRoutes(services));
  router.use('/pulse-answers', pulseAnswerRoutes(services));
  router.use('/teams', kudosRoutes(services));
  router.use('/teams', insightRoutes(services));
  return router;
}
