import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { ProfileUpdateSchema, RoleChangeSchema, UserIdParamSchema } from '../contract';
import {
  presentMe,
  presentMember,
  presentMemberRole,
  presentProfile,
  presentTeam,
} from '../presenters/team';
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

  router.get('/:teamId/roles', async (req, res) => {
    const { me, members, activeOwners } = await services.listMemberRoles(
      userOf(res.locals),
      teamIdOf(req.params),
    );
    res.json({ data: members.map((m) => presentMemberRole(m, me, activeOwners)) });
  });

  router.put('/:teamId/roles/:userId', async (req, res) => {
    const teamId = teamIdOf(req.params);
    const userId = UserIdParamSchema.parse(req.params.userId);
    const { role } = RoleChangeSchema.parse(req.body);
    const actor = userOf(res.locals);
    const changed = await services.changeMemberRole(actor, teamId, userId, role);
    // The counts after the change, so `can` answers for the roster as it is now.
    const { me, members, activeOwners } = await services.listMemberRoles(actor, teamId);
    const fresh = members.find((m) => m.userId === userId) ?? changed;
    res.json({ data: presentMemberRole(fresh, me, activeOwners) });
  });

  return router;
}
