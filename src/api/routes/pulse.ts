import { Router } from 'express';
import type { Services } from '../../services';
import type { Actor } from '../../core/team/team';
import { userOf } from '../auth';
import {
  PulseAnswerReqSchema,
  PulseAnswerSubmitReqSchema,
  PulseIdSchema,
  PulseStartReqSchema,
} from '../contract';
import { presentPulse, presentPulses } from '../presenters/pulse';
import { teamIdOf } from './params';

/**
 * `/api/teams/:teamId/pulses…`: the anonymous pulse. Members list pulses and answer the open one;
 * an owner or the Culture Guardian starts and closes them. Every answer is one more count: the
 * caller's id only decides whether they answered already, through a keyed hash.
 */
export function pulseRoutes(services: Services): Router {
  const router = Router();

  /** One pulse as the caller now sees it, from a fresh read after the change. */
  const pulseAfter = async (actor: Actor, teamId: string, id: string) => {
    const view = await services.listPulses(actor, teamId);
    const entry = view.pulses.find((p) => p.pulse.id === id);
    if (!entry) throw new Error('a pulse just written was not listed');
    return presentPulse(entry, view.canRun);
  };

  router.get('/:teamId/pulses', async (req, res) => {
    const view = await services.listPulses(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentPulses(view) });
  });

  router.post('/:teamId/pulses', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const input = PulseStartReqSchema.parse(req.body ?? {});
    const pulse = await services.startPulse(actor, teamId, input);
    res.status(201).json({ data: await pulseAfter(actor, teamId, pulse.id) });
  });

  // Kept for tabs loaded before `POST /api/pulse-answers` (see `pulseAnswerRoutes`).
  router.post('/:teamId/pulses/:pulseId/answers', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const id = PulseIdSchema.parse(req.params.pulseId);
    const answer = PulseAnswerReqSchema.parse(req.body ?? {});
    await services.answerPulse(actor, teamId, id, answer);
    res.json({ data: await pulseAfter(actor, teamId, id) });
  });

  router.post('/:teamId/pulses/:pulseId/close', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const id = PulseIdSchema.parse(req.params.pulseId);
    await services.closePulse(actor, teamId, id);
    res.json({ data: await pulseAfter(actor, teamId, id) });
  });

  return router;
}

/**
 * `POST /api/pulse-answers`: an answer whose team and pulse travel in the body. The URL is the
 * same for every team and pulse, so an access log (App Service's HTTP logs keep the path, the
 * caller's address and the time) cannot tie an answer to a pulse.
 */
export function pulseAnswerRoutes(services: Services): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const actor = userOf(res.locals);
    const { teamId, pulseId, ...answer } = PulseAnswerSubmitReqSchema.parse(req.body ?? {});
    await services.answerPulse(actor, teamId, pulseId, answer);
    const view = await services.listPulses(actor, teamId);
    const entry = view.pulses.find((p) => p.pulse.id === pulseId);
    if (!entry) throw new Error('a pulse just answered was not listed');
    res.json({ data: presentPulse(entry, view.canRun) });
  });
  return router;
}
