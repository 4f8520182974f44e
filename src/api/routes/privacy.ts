import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import { PersonalDataDeleteReqSchema, TeamDataDeleteReqSchema } from '../contract';
import { exportFileName, presentPersonalData } from '../presenters/privacy';
import { teamIdOf } from './params';

/**
 * `/api/teams/:teamId/me/data`: the caller's own data in a team, to download or delete. There is
 * no user id in the path or the body: whose data it is comes only from the verified token.
 * `/api/teams/:teamId/data`: an owner removes an uninstalled team's data.
 */
export function personalDataRoutes(services: Services): Router {
  const router = Router();

  router.get('/:teamId/me/data', async (req, res) => {
    const data = await services.exportPersonalData(userOf(res.locals), teamIdOf(req.params));
    res.attachment(exportFileName(data));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ data: presentPersonalData(data) });
  });

  router.delete('/:teamId/me/data', async (req, res) => {
    const { confirm } = PersonalDataDeleteReqSchema.parse(req.body ?? {});
    const result = await services.deletePersonalData(
      userOf(res.locals),
      teamIdOf(req.params),
      confirm,
    );
    res.json({ data: result });
  });

  router.delete('/:teamId/data', async (req, res) => {
    const { confirm } = TeamDataDeleteReqSchema.parse(req.body ?? {});
    const result = await services.removeTeamData(userOf(res.locals), teamIdOf(req.params), confirm);
    res.json({ data: result });
  });

  return router;
}
