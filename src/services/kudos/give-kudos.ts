import { createHash, randomBytes } from 'node:crypto';
import { invalid } from '../../core/errors';
import { kudosIdFor, newKudos, type Kudos } from '../../core/kudos/kudos';
import { checkKudosLimits, KUDOS_LIMITS } from '../../core/kudos/limits';
import { notificationId, type Notification } from '../../core/notify/notification';
import type { Ports } from '../../core/ports';
import type { Member } from '../../core/team/member';
import type { Actor, Team, TeamRef } from '../../core/team/team';
import { enqueueNotifications, type SendingPorts } from '../notify/enqueue-notifications';
import { peopleOf, personOf } from '../shared/people';
import { requireMember } from '../shared/team-access';

export type KudosPorts = Pick<Ports, 'teams' | 'members' | 'kudos'> & SendingPorts;

export interface GiveKudosInput {
  toIds: readonly string[];
  story: string;
  /**
   * Chosen by the client for one submit: sending the same key again (a double click, a retry
   * after a lost answer) stores nothing new and answers the kudos made the first time.
   */
  requestKey?: string;
}

export interface GivenKudos {
  kudos: Kudos;
  /** False when this repeated a submit already stored. */
  created: boolean;
  people: ReadonlyMap<string, Member>;
}

/** The gate key of one give: the giver and their request key, hashed to a short fixed size. */
const giveOnceKey = (fromId: string, requestKey: string) =>
  `give~${createHash('sha256').update(`${fromId}\n${requestKey}`).digest('hex').slice(0, 32)}`;

/**
 * A member thanks one or more teammates on their own, with a story. Each recipient must be an
 * active member of the team; each hears once, 1:1.
 */
export async function giveKudos(
  actor: Actor,
  teamId: string,
  input: GiveKudosInput,
  ports: KudosPorts,
): Promise<GivenKudos> {
  const { ref, team, me } = await requireMember(actor, teamId, ports);
  const now = ports.clock.now();
  const made = newKudos(
    { fromId: actor.userId, toIds: input.toIds, story: input.story },
    now,
    kudosIdFor(now, randomBytes(4).toString('hex')),
  );
  const people = await peopleOf(ref, made.toIds, ports);
  const outside = made.toIds.find((id) => !people.get(id)?.active);
  if (outside !== undefined)
    throw invalid(
      'Kudos go to current members of this team; someone you chose is not one any more.',
      'toIds',
    );
  people.set(me.value.userId, me.value);
  const onceKey = input.requestKey ? giveOnceKey(actor.userId, input.requestKey) : made.id;
  await withinLimits(ref, made, people, ports);
  const { kudos, created } = await ports.kudos.add(ref, made, onceKey);
  // Also on a repeat: a crash between storing and telling is finished by the retry (ids are fixed).
  await tellKudosRecipients(ref, team, kudos, ports, people);
  return { kudos, created, people };
}

/** What the giver and each recipient had lately, checked against `KUDOS_LIMITS`. */
async function withinLimits(
  ref: TeamRef,
  made: Kudos,
  people: ReadonlyMap<string, Member>,
  ports: Pick<Ports, 'kudos' | 'clock'>,
) {
  const [mine, ...theirs] = await Promise.all([
    ports.kudos.ofMember(ref, made.fromId, KUDOS_LIMITS.perGiver),
    ...made.toIds.map((id) => ports.kudos.ofMember(ref, id, KUDOS_LIMITS.perRecipient)),
  ]);
  checkKudosLimits(
    {
      toIds: made.toIds,
      given: mine!.given,
      received: made.toIds.map((userId, i) => ({
        userId,
        name: people.get(userId)?.name ?? 'Someone you chose',
        kudos: theirs[i]!.received,
      })),
    },
    ports.clock.now(),
  );
}

/**
 * One 1:1 card to each recipient who is still an active member, named `kudos~<id>~<user>`, so
 * telling twice sends once. Used by a give and by the help flow's "Thank".
 */
export async function tellKudosRecipients(
  ref: TeamRef,
  team: Team,
  kudos: Kudos,
  ports: Pick<Ports, 'members'> & SendingPorts,
  known?: ReadonlyMap<string, Member>,
): Promise<void> {
  const people = known ?? (await peopleOf(ref, [kudos.fromId, ...kudos.toIds], ports));
  const from = personOf(people.get(kudos.fromId));
  const link = ports.links.page(ref, 'kudos');
  const createdAt = ports.clock.now().toISOString();
  const notifications: Notification[] = kudos.toIds
    .filter((id) => people.get(id)?.active)
    .map((userId) => ({
      id: notificationId('kudos', kudos.id, userId),
      team: ref,
      target: { kind: 'member', userId },
      message: ports.messages.kudosReceived({
        teamName: team.name,
        from,
        others: kudos.toIds.filter((id) => id !== userId).map((id) => personOf(people.get(id))),
        story: kudos.story,
        fromHelpRequest: kudos.helpRequestId !== '',
        link,
      }),
      createdAt,
    }));
  await enqueueNotifications(notifications, ports);
}
