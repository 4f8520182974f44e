import { Router } from 'express';
import type { Services } from '../../services';
import { userOf } from '../auth';
import {
  AcknowledgeReqSchema,
  CompactReviewReqSchema,
  CompactSettingsUpdateSchema,
  ProposalDecisionReqSchema,
  ProposalDecisionSchema,
  ProposalIdSchema,
  ProposalReqSchema,
  StanceReqSchema,
  VersionNumberSchema,
} from '../contract';
import {
  presentCompact,
  presentCompactOverview,
  presentProposal,
  presentReview,
  presentVersion,
} from '../presenters/compact';
import type { Actor } from '../../core/team/team';
import { teamIdOf } from './params';

/**
 * `/api/teams/:teamId/compact…`: the Support Compact page (current text, proposals, history,
 * reviews), the actions on proposals, "I commit to this", and (owners) its settings.
 */
export function compactRoutes(services: Services): Router {
  const router = Router();

  /** A proposal as the caller now sees it, from a fresh read after the change. */
  const proposalAfter = async (actor: Actor, teamId: string, id: string) => {
    const view = await services.getCompactView(actor, teamId);
    const proposal = view.proposals.find((p) => p.id === id)!;
    return presentProposal(proposal, view);
  };

  router.get('/:teamId/compact', async (req, res) => {
    const compact = await services.getCompact(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentCompact(compact) });
  });

  router.get('/:teamId/compact/overview', async (req, res) => {
    const view = await services.getCompactView(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: presentCompactOverview(view) });
  });

  router.get('/:teamId/compact/versions/:version', async (req, res) => {
    const number = VersionNumberSchema.parse(req.params.version);
    const found = await services.getCompactVersion(
      userOf(res.locals),
      teamIdOf(req.params),
      number,
    );
    res.json({ data: presentVersion(found.version, found.people) });
  });

  router.get('/:teamId/compact/diff', async (req, res) => {
    const from = VersionNumberSchema.parse(req.query.from);
    const to = VersionNumberSchema.parse(req.query.to);
    const diff = await services.diffCompact(userOf(res.locals), teamIdOf(req.params), from, to);
    res.json({
      data: {
        from: presentVersion(diff.from, diff.people),
        to: presentVersion(diff.to, diff.people),
        changes: diff.changes,
      },
    });
  });

  router.post('/:teamId/compact/proposals', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const input = ProposalReqSchema.parse(req.body ?? {});
    const created = await services.proposeChange(actor, teamId, input);
    res.status(201).json({ data: await proposalAfter(actor, teamId, created.id) });
  });

  router.post('/:teamId/compact/proposals/:proposalId/stance', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const id = ProposalIdSchema.parse(req.params.proposalId);
    const input = StanceReqSchema.parse(req.body ?? {});
    await services.takeStanceOn(actor, teamId, id, input);
    res.json({ data: await proposalAfter(actor, teamId, id) });
  });

  router.post('/:teamId/compact/proposals/:proposalId/:decision', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const id = ProposalIdSchema.parse(req.params.proposalId);
    const decision = ProposalDecisionSchema.parse(req.params.decision);
    const { reason, revision } = ProposalDecisionReqSchema.parse(req.body ?? {});
    if (decision === 'adopt') await services.adoptProposal(actor, teamId, id, { revision });
    else await services.closeProposal(actor, teamId, id, decision, { reason, revision });
    res.json({ data: await proposalAfter(actor, teamId, id) });
  });

  router.post('/:teamId/compact/acknowledge', async (req, res) => {
    const { version } = AcknowledgeReqSchema.parse(req.body ?? {});
    const ack = await services.acknowledgeCompact(
      userOf(res.locals),
      teamIdOf(req.params),
      version,
    );
    res.json({ data: { version: ack.version, at: ack.at } });
  });

  router.post('/:teamId/compact/reviews', async (req, res) => {
    const actor = userOf(res.locals);
    const teamId = teamIdOf(req.params);
    const input = CompactReviewReqSchema.parse(req.body ?? {});
    const { review, people } = await services.recordReview(actor, teamId, input);
    res.status(201).json({ data: presentReview(review, people) });
  });

  router.get('/:teamId/compact-settings', async (req, res) => {
    const settings = await services.getCompactSettings(userOf(res.locals), teamIdOf(req.params));
    res.json({ data: settings });
  });

  router.put('/:teamId/compact-settings', async (req, res) => {
    const change = CompactSettingsUpdateSchema.parse(req.body);
    const settings = await services.saveCompactSettings(
      userOf(res.locals),
      teamIdOf(req.params),
      change,
    );
    res.json({ data: settings });
  });

  return router;
}
