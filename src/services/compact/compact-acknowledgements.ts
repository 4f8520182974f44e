import { conflict, notFound } from '../../core/errors';
import type { Acknowledgement, CompactVersion } from '../../core/compact/compact';
import { diffVersions } from '../../core/compact/diff';
import { notificationId } from '../../core/notify/notification';
import type { CompactAckInput, Ports } from '../../core/ports';
import type { Actor, TeamRef } from '../../core/team/team';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { requireMember } from '../shared/team-access';

type AckPorts = Pick<
  Ports,
  'teams' | 'members' | 'compacts' | 'acknowledgements' | 'clock' | 'links'
>;

/**
 * "I commit to this": a member acknowledges the version they read, which must be the current one.
 * Acknowledging again keeps the first time.
 */
export async function acknowledgeCompact(
  actor: Actor,
  teamId: string,
  version: number,
  ports: Pick<Ports, 'teams' | 'members' | 'compacts' | 'acknowledgements' | 'clock'>,
): Promise<Acknowledgement> {
  const { ref } = await requireMember(actor, teamId, ports);
  const current = await ports.compacts.current(ref);
  if (!current) throw notFound('This team has no compact yet.');
  if (version !== current.version)
    throw conflict(
      `The compact is now version ${current.version}; read it and acknowledge that version.`,
    );
  const ack = { version, userId: actor.userId, at: ports.clock.now().toISOString() };
  if ((await ports.acknowledgements.add(ref, ack)).created) return ack;
  const first = (await ports.acknowledgements.forVersion(ref, version)).find(
    (a) => a.userId === actor.userId,
  );
  return first ?? ack;
}

/** From the card's button: acknowledges, and answers with the card as it now reads. */
export async function acknowledgeFromCard(
  actor: Actor,
  teamId: string,
  version: number,
  ports: AckPorts,
): Promise<CompactAckInput> {
  const ack = await acknowledgeCompact(actor, teamId, version, ports);
  const team = await ports.teams.get({ tenantId: actor.tenantId, teamId });
  const [to, from] = await ports.compacts.list({ tenantId: actor.tenantId, teamId }, 2);
  return ackCardInput(team!.value, to!, from, ports, ack.at);
}

const ackCardInput = (
  team: TeamRef & { name: string },
  version: CompactVersion,
  previous: CompactVersion | undefined,
  ports: Pick<Ports, 'links'>,
  acknowledgedAt?: string,
): CompactAckInput => ({
  teamId: team.teamId,
  teamName: team.name,
  version: version.version,
  changes: previous ? diffVersions(previous, version) : [],
  link: ports.links.page(team, 'compact'),
  ...(acknowledgedAt ? { acknowledgedAt } : {}),
});

/**
 * After a new version, asks each active member once, 1:1, to acknowledge it. The notification id
 * names the version and the member, so a retried adoption asks nobody twice.
 */
export async function askToAcknowledge(
  ref: TeamRef,
  version: CompactVersion,
  previous: CompactVersion,
  ports: Pick<Ports, 'teams' | 'members' | 'notifications' | 'queue' | 'messages' | 'links'>,
): Promise<number> {
  const [team, members] = await Promise.all([ports.teams.get(ref), ports.members.list(ref)]);
  if (!team?.value.active) return 0;
  const message = ports.messages.compactAcknowledge(
    ackCardInput(team.value, version, previous, ports),
  );
  return enqueueNotifications(
    members
      .filter((m) => m.value.active)
      .map((m) => ({
        id: notificationId('compact', `v${version.version}`, 'ack', m.value.userId),
        team: ref,
        target: { kind: 'member' as const, userId: m.value.userId },
        message,
        createdAt: version.adoptedAt,
      })),
    ports,
  );
}
