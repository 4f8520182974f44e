import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { ProfileUpdateSchema } from '../contract';
import { presentMe, presentMember, presentProfile, presentTeam } from '../presenters/team';
import { teamIdOf } from './params';

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

/**
 * `/api/teams/:teamId/…`: the team, its members, and my profile and boundaries in it. Every route
 * goes through a service that checks the roster.
 */
export function teamRoutes(services: Services): Router {
  const router = Router();

  router.get('/:teamId', async (req, res) => {
    const team = await services.getTeam(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentTeam(team) });
  });

  router.get('/:teamId/members', async (req, res) => {
    const members = await services.listMembers(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: members.map(presentMember) });
  });

  router.get('/:teamId/profile', async (req, res) => {
    const me = await services.getProfile(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentProfile(me) });
  });

  router.put('/:teamId/profile', async (req, res) => {
    const body = ProfileUpdateSchema.parse(req.body);
    const { pausedUntil, quietHours, ...rest } = body;
    const me = await services.updateProfile(userOf(res.locals), teamIdOf(req.params), {
      ...rest,
      ...(pausedUntil !== undefined ? { pausedUntil: pausedUntil ?? '' } : {}),
      ...(quietHours !== undefined ? { quietHours } : {}),
    });
    res.json({ data: presentProfile(me) });
  });

  return router;
}
