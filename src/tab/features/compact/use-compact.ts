import {
  CompactOverviewResSchema,
  type CompactOverviewDto,
  type ProposalDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { teamKey, useApiQuery } from '../../app/team-query';

export const compactKey = (teamId: string) => teamKey(teamId, 'compact');
/** The Settings page's section, which a recorded review moves on. */
export const compactSettingsKey = (teamId: string) => teamKey(teamId, 'compact-settings');

/** The Compact page's data: current version, acknowledgements, proposals, versions, reviews. */
export function useCompactOverview(teamId: string) {
  return useApiQuery(
    compactKey(teamId),
    async (api, signal) =>
      (await api.get(teamPath(teamId, '/compact/overview'), CompactOverviewResSchema, signal)).data,
  );
}

/**
 * The overview with one proposal as the server answered it: a new one first, a decided one first
 * among the decided (open proposals come first, latest first, then decided ones).
 */
export function withProposal(overview: CompactOverviewDto, proposal: ProposalDto) {
  const others = overview.proposals.filter((p) => p.id !== proposal.id);
  const known = others.length !== overview.proposals.length;
  const proposals =
    proposal.status === 'open'
      ? known
        ? overview.proposals.map((p) => (p.id === proposal.id ? proposal : p))
        : [proposal, ...others]
      : [
          ...others.filter((p) => p.status === 'open'),
          proposal,
          ...others.filter((p) => p.status !== 'open'),
        ];
  return { ...overview, proposals };
}
