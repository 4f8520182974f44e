import { notFound } from '../../core/errors';
import type { Acknowledgement, CompactVersion } from '../../core/compact/compact';
import { diffVersions, type ClauseDiff } from '../../core/compact/diff';
import type { Proposal } from '../../core/compact/proposal';
import type { CompactReview } from '../../core/compact/review';
import type { CompactSettings } from '../../core/compact/settings';
import type { Ports } from '../../core/ports';
import { wallClock } from '../../core/schedule/zoned-time';
import { isTakingPart } from '../../core/team/boundaries';
import type { Member } from '../../core/team/member';
import type { Actor } from '../../core/team/team';
import { ownerOrGuardian } from '../guardian/owner-or-guardian';
import { compactSettingsOf } from './compact-reviews';
import { requireMember } from '../shared/team-access';

type ViewPorts = Pick<
  Ports,
  | 'teams'
  | 'members'
  | 'compacts'
  | 'proposals'
  | 'acknowledgements'
  | 'compactSettings'
  | 'compactReviews'
  | 'guardians'
  | 'clock'
>;

/** Everything the Compact page shows. */
export interface CompactView {
  me: Member;
  current: CompactVersion | undefined;
  settings: CompactSettings;
  /** Who acknowledged the current version. */
  acknowledgements: Acknowledgement[];
  /** Latest first. */
  proposals: Proposal[];
  /** Every version, latest first (clauses included: a compact is small). */
  versions: CompactVersion[];
  /** Latest held first. */
  reviews: CompactReview[];
  /** The review day is behind the viewer's today. */
  reviewOverdue: boolean;
  /** Active members, and those taking part (whose endorsements count under the majority rule). */
  members: Member[];
  takingPart: ReadonlySet<string>;
  /** Everyone ever named, former members included, by user id. */
  people: ReadonlyMap<string, Member>;
  canRecordReview: boolean;
}

/** A compact is small; every version is read at once up to this many. */
export const MAX_VERSIONS = 200;

export async function getCompactView(
  actor: Actor,
  teamId: string,
  ports: ViewPorts,
): Promise<CompactView> {
  const { ref, team, me } = await requireMember(actor, teamId, ports);
  const now = ports.clock.now();
  const [versions, proposals, settings, members, reviews, mayRecord] = await Promise.all([
    ports.compacts.list(ref, MAX_VERSIONS),
    ports.proposals.list(ref),
    compactSettingsOf(team, ports),
    ports.members.list(ref),
    ports.compactReviews.list(ref),
    ownerOrGuardian(ref, me.value, ports),
  ]);
  const current = versions[0];
  const acknowledgements = current
    ? await ports.acknowledgements.forVersion(ref, current.version)
    : [];
  const active = members.map((m) => m.value).filter((m) => m.active);
  return {
    me: me.value,
    current,
    settings,
    acknowledgements,
    proposals: proposals.map((p) => p.value),
    versions,
    reviews,
    reviewOverdue: settings.nextReviewOn < wallClock(now, me.value.timeZone).date,
    members: active,
    takingPart: new Set(active.filter((m) => isTakingPart(m, now)).map((m) => m.userId)),
    people: new Map(members.map((m) => [m.value.userId, m.value])),
    canRecordReview: mayRecord,
  };
}

/** One adopted version, whole. */
export async function getCompactVersion(
  actor: Actor,
  teamId: string,
  version: number,
  ports: Pick<Ports, 'teams' | 'members' | 'compacts'>,
): Promise<{ version: CompactVersion; people: ReadonlyMap<string, Member> }> {
  const { ref } = await requireMember(actor, teamId, ports);
  const [versions, members] = await Promise.all([
    ports.compacts.list(ref, MAX_VERSIONS),
    ports.members.list(ref),
  ]);
  const found = versions.find((v) => v.version === version);
  if (!found) throw notFound(`The compact has no version ${version}.`);
  return { version: found, people: new Map(members.map((m) => [m.value.userId, m.value])) };
}

/** The clause and word diff between two adopted versions (either order). */
export async function diffCompact(
  actor: Actor,
  teamId: string,
  from: number,
  to: number,
  ports: Pick<Ports, 'teams' | 'members' | 'compacts'>,
): Promise<{
  from: CompactVersion;
  to: CompactVersion;
  changes: ClauseDiff[];
  people: ReadonlyMap<string, Member>;
}> {
  const { ref } = await requireMember(actor, teamId, ports);
  const [versions, members] = await Promise.all([
    ports.compacts.list(ref, MAX_VERSIONS),
    ports.members.list(ref),
  ]);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a) throw notFound(`The compact has no version ${from}.`);
  if (!b) throw notFound(`The compact has no version ${to}.`);
  return {
    from: a,
    to: b,
    changes: diffVersions(a, b),
    people: new Map(members.map((m) => [m.value.userId, m.value])),
  };
}
