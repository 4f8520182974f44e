import { Router } from 'express';
import type { Services } from '../../services';
import { RESOLVED_ON_BOARD_DAYS } from '../../services/help/list-help-board';
import { userOf } from '../auth';
import {
  HelpActionReqSchema,
  HelpActionSchema,
  HelpRequestIdSchema,
  HelpSettingsUpdateSchema,
} from '../contract';
import { presentHelpRequest, presentHelpSettings } from '../presenters/help';
import { teamIdOf } from './params';

/**
 * `/api/teams/:teamId/…` for help requests: the help board, claim / release / resolve / thank
 * from the tab, and (owners) the channel requests are posted in.
 */
export function helpRoutes(services: Services): Router {
  const router = Router();

  router.get('/:teamId/help', async (req, res) => {
    const actor = userOf(res.locals);
    const board = await services.listHelpBoard(actor, teamIdOf(req.params));
    const now = services.clock.now();
    res.json({
      data: {
        requests: board.requests.map((r) => presentHelpRequest(r, board.people, actor.userId, now)),
        resolvedSinceDays: RESOLVED_ON_BOARD_DAYS,
      },
    });
  });

  router.post('/:teamId/help/:requestId/:action', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const requestId = HelpRequestIdSchema.parse(req.params.requestId);
    const action = HelpActionSchema.parse(req.params.action);
    const { story } = HelpActionReqSchema.parse(req.body ?? {});
    const help = await services.actOnHelp(actor, teamId, requestId, action, { story });
    res.json({
      data: presentHelpRequest(help.request, help.people, actor.userId, services.clock.now()),
    });
  });

  router.get('/:teamId/help-settings', async (req, res) => {
    const settings = await services.getHelpSettings(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentHelpSettings(settings) });
  });

  router.put('/:teamId/help-settings', async (req, res) => {
    const { channelId } = HelpSettingsUpdateSchema.parse(req.body);
    const settings = await services.saveHelpSettings(
      userOf(res.locals),
      teamIdOf(req.params),
      channelId,
    );
    res.json({ data: presentHelpSettings(settings) });
  });

  return router;
}
