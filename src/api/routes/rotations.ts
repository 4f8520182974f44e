import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import {
  CheckInSchema,
  ProgramKindSchema,
  ProgramUpdateSchema,
  RoundIdSchema,
  RoundPublishSchema,
  RoundSwapSchema,
} from '../contract';
import { presentProgram, presentRound } from '../presenters/rotations';
import { teamIdOf, type Params } from './params';

const roundIdOf = (params: Params) => RoundIdSchema.parse(params.roundId);
const kindOf = (value: unknown) => ProgramKindSchema.parse(value);

/**
 * `/api/teams/:teamId/…` for rotations: the team's programs, and rounds (preview, swap, publish,
 * check in).
 */
export function rotationRoutes(services: Services): Router {
  const router = Router();

  router.get('/:teamId/programs', async (req, res) => {
    const programs = await services.listPrograms(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: programs.map(presentProgram) });
  });

  router.put('/:teamId/programs/:kind', async (req, res) => {
    const settings = ProgramUpdateSchema.parse(req.body);
    const program = await services.saveProgram(
      userOf(res.locals),
      teamIdOf(req.params),
      kindOf(req.params.kind),
      settings,
    );
    res.json({ data: presentProgram(program) });
  });

  router.post('/:teamId/programs/:kind/rounds', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const round = await services.startRoundNow(actor, teamId, kindOf(req.params.kind));
    res.status(201).json({
      data: presentRound(await services.getRound(actor, teamId, round.id), actor.userId),
    });
  });

  router.get('/:teamId/rounds', async (req, res) => {
    const actor = userOf(res.locals);
    const kind = kindOf(req.query.program ?? 'skill_share');
    const { current, past } = await services.listRounds(actor, teamIdOf(req.params), kind);
    res.json({
      data: {
        current: current && presentRound(current, actor.userId),
        past: past.map((r) => presentRound(r, actor.userId)),
      },
    });
  });

  router.get('/:teamId/rounds/:roundId', async (req, res) => {
    const actor = userOf(res.locals);
    const view = await services.getRound(actor, teamIdOf(req.params), roundIdOf(req.params));
    res.json({ data: presentRound(view, actor.userId) });
  });

  router.post('/:teamId/rounds/:roundId/swap', async (req, res) => {
    const actor = userOf(res.locals);
    const swap = RoundSwapSchema.parse(req.body);
    const view = await services.swapInRound(
      actor,
      teamIdOf(req.params),
      roundIdOf(req.params),
      swap,
    );
    res.json({ data: presentRound(view, actor.userId) });
  });

  router.post('/:teamId/rounds/:roundId/publish', async (req, res) => {
    const actor = userOf(res.locals);
    const { revision } = RoundPublishSchema.parse(req.body);
    const teamId = teamIdOf(req.params);
    const round = await services.publishRound(actor, teamId, roundIdOf(req.params), revision);
    res.json({
      data: presentRound(await services.getRound(actor, teamId, round.id), actor.userId),
    });
  });

  router.put('/:teamId/rounds/:roundId/check-in', async (req, res) => {
    const actor = userOf(res.locals);
    const { answer } = CheckInSchema.parse(req.body);
    const view = await services.recordCheckIn(
      actor,
      teamIdOf(req.params),
      roundIdOf(req.params),
      answer,
    );
    res.json({ data: presentRound(view, actor.userId) });
  });

  return router;
}
