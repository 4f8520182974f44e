import { invalid, isDomainError } from '../../core/errors';
import type { HelpRequest } from '../../core/help/help-request';
import { notificationId, targetKey } from '../../core/notify/notification';
import type { Ports } from '../../core/ports';
import {
  blankKudosStory,
  DELETE_CONFIRMATION,
  DELETED_TEXT,
  forgetInProposal,
  forgetMember,
  isForgotten,
  namesMember,
  redactHelpRequest,
  releaseForgottenHelper,
} from '../../core/privacy/personal-data';
import type { Member } from '../../core/team/member';
import type { Actor, Team, TeamRef } from '../../core/team/team';
import { ALL, roundsOf, type PersonalDataPorts } from './export-personal-data';
import { refreshHelpCards } from '../help/help-posts';
import { migrateRoundReasons } from '../rotations/migrate-round-reasons';
import { peopleOf } from '../shared/people';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { requireOwnRecord } from '../shared/team-access';

type DeletePorts = PersonalDataPorts & Pick<Ports, 'queue' | 'messages'>;

/** What one run changed; a second run over the same data counts zeros. */
export interface PersonalDataDeletion {
  /** The member row was cleared and marked as gone (false when it already was). */
  profileCleared: boolean;
  removed: {
    checkIns: number;
    acknowledgements: number;
    stances: number;
    notifications: number;
    undeliveredNotifications: number;
    chat: number;
  };
  anonymised: {
    proposals: number;
    kudos: number;
    helpRequests: number;
  };
  /** Requests the member was helping with, handed back to the team. */
  released: { helpRequests: number };
}

/**
 * "Delete my data" in one team: removes what is only the member's, and anonymises what other
 * members' history still needs (ids stay; their words, profile and name go). See
 * docs/how-it-works.md "Personal data" for the list.
 *
 * Kept, on purpose: the member's id on the rows that name it (their member row, rounds, help
 * requests, kudos, guardian terms, review participants, adopted versions), because other members'
 * history and the team's figures are built from those rows: who they were paired with (and the
 * repeat-pairing rule), who helped whom and how fast, who thanked whom. Shown without a name, the
 * id says only "a former member". Proposal text stays too: the team endorsed or decided on it.
 *
 * Every step re-reads what it changes and skips what is already done, and the gate lets a member
 * whose row was already cleared in (`requireOwnRecord`), so a run that failed half-way is finished
 * by running it again, and a second run changes nothing. The member row goes first: from then on
 * the member is not paired, asked or notified while the rest is cleaned up.
 */
export async function deletePersonalData(
  actor: Actor,
  teamId: string,
  confirm: string,
  ports: DeletePorts,
): Promise<PersonalDataDeletion> {
  if (confirm !== DELETE_CONFIRMATION)
    throw invalid(`Send "${DELETE_CONFIRMATION}" to confirm: this cannot be undone.`, 'confirm');
  const { ref, team, me } = await requireOwnRecord(actor, teamId, ports);
  const userId = me.value.userId;
  const removed = {
    checkIns: 0,
    acknowledgements: 0,
    stances: 0,
    notifications: 0,
    undeliveredNotifications: 0,
    chat: 0,
  };
  const anonymised = { proposals: 0, kudos: 0, helpRequests: 0 };

  // Reasons stored as words name people: read back as ids (or her name taken out) while her
  // name is still known, before the member row is cleared.
  if (!isForgotten(me.value)) await migrateRoundReasons(ref, ports, me.value);
  // So do the stored copies of messages to other people that name her (a kudos card, a pairing
  // card, a reminder), and undelivered ones: also while her name is known.
  if (!isForgotten(me.value))
    removed.undeliveredNotifications += await redactMessagesNaming(ref, me.value, ports);

  const profileCleared = await retryOnConflict(async () => {
    const row = await ports.members.get(ref, userId);
    if (!row || isForgotten(row.value)) return false;
    await ports.members.update(ref, forgetMember(row.value), row.etag);
    return true;
  });

  // Their 1:1 chat: the conversation Mutual opened with them, and what was sent to it (the
  // worker drops anything still queued once its record is gone).
  const chatKey = targetKey({ kind: 'member', userId });
  const chat = await ports.conversations.get(ref, chatKey);
  if (
    chat &&
    (await removeRow(
      chat.etag,
      async () => (await ports.conversations.get(ref, chatKey))?.etag,
      (etag) => ports.conversations.remove(ref, chatKey, etag),
    ))
  )
    removed.chat++;
  for (const n of await ports.notifications.listTo(ref, userId)) {
    const gone = await removeRow(
      n.etag,
      async () => (await ports.notifications.get(ref, n.value.id))?.etag,
      (etag) => ports.notifications.remove(ref, n.value.id, etag),
    );
    if (gone) removed.notifications++;
  }
  const undelivered = (await ports.deadLetters.list(ref, ALL)).filter(
    (d) => d.target.kind === 'member' && d.target.userId === userId,
  );
  removed.undeliveredNotifications += await removeDeadLetters(
    ref,
    undelivered.map((d) => d.notificationId),
    ports,
  );

  for (const round of await roundsOf(ref, userId, ports)) {
    const found = await ports.checkIns.get(ref, round.id, userId);
    if (!found) continue;
    const gone = await removeRow(
      found.etag,
      async () => (await ports.checkIns.get(ref, round.id, userId))?.etag,
      (etag) => ports.checkIns.remove(ref, round.id, userId, etag),
    );
    if (gone) removed.checkIns++;
  }

  for (const ack of await ports.acknowledgements.ofMember(ref, userId)) {
    const gone = await removeRow(
      ack.etag,
      async () =>
        (await ports.acknowledgements.ofMember(ref, userId)).find(
          (a) => a.value.version === ack.value.version,
        )?.etag,
      (etag) => ports.acknowledgements.remove(ref, ack.value, etag),
    );
    if (gone) removed.acknowledgements++;
  }

  // Proposals keep their text (the team endorsed or decided on it), credited to a former member.
  for (const { value } of await ports.proposals.list(ref)) {
    if (!forgetInProposal(value, userId)) continue;
    const stances = await retryOnConflict(async () => {
      const fresh = await ports.proposals.get(ref, value.id);
      const next = fresh && forgetInProposal(fresh.value, userId);
      if (!fresh || !next) return -1;
      await ports.proposals.update(ref, next, fresh.etag);
      return fresh.value.stances.length - next.stances.length;
    });
    if (stances < 0) continue;
    anonymised.proposals++;
    removed.stances += stances;
  }

  // Kudos they gave lose their words; who thanked whom stays for the other person's history.
  for (const kudos of await ports.kudos.list(ref, ALL)) {
    if (!blankKudosStory(kudos, userId)) continue;
    const changed = await retryOnConflict(async () => {
      const fresh = await ports.kudos.get(ref, kudos.id);
      const next = fresh && blankKudosStory(fresh.value, userId);
      if (!fresh || !next) return false;
      await ports.kudos.update(ref, next, fresh.etag);
      return true;
    });
    if (changed) anonymised.kudos++;
  }

  const released = { helpRequests: 0 };
  const now = ports.clock.now();
  for (const { value } of await ports.help.list(ref)) {
    if (value.requesterId === userId) {
      // Their words go, and an unresolved request is withdrawn: nobody is nudged about it.
      const { request, changed } = await changeRequest(ref, value.id, ports, (r) =>
        redactHelpRequest(r, now),
      );
      if (!request) continue;
      if (changed) anonymised.helpRequests++;
      // Every time, not only when it changed: a retry finishes what a failed run left.
      removed.undeliveredNotifications += await redactHelpNotifications(ref, team, request, ports);
    } else if (value.helperId === userId && value.status === 'claimed') {
      // What they were helping with goes back to the team, so it does not wait on nobody.
      const { request, changed } = await changeRequest(ref, value.id, ports, (r) =>
        releaseForgottenHelper(r, userId),
      );
      if (!request || !changed) continue;
      released.helpRequests++;
      const people = await peopleOf(ref, [request.requesterId, request.buddyId], ports);
      await refreshHelpCards({ team, request, people }, ports);
    }
  }

  return { profileCleared, removed, anonymised, released };
}

/** Applies `change` to the request's latest state (retrying on a conflict); undefined when gone. */
async function changeRequest(
  ref: TeamRef,
  id: string,
  ports: Pick<Ports, 'help'>,
  change: (request: HelpRequest) => HelpRequest | undefined,
): Promise<{ request: HelpRequest | undefined; changed: boolean }> {
  return retryOnConflict(async () => {
    const fresh = await ports.help.get(ref, id);
    if (!fresh) return { request: undefined, changed: false };
    const next = change(fresh.value);
    if (!next) return { request: fresh.value, changed: false };
    return { request: (await ports.help.update(ref, next, fresh.etag)).value, changed: true };
  });
}

/**
 * The cards posted about a redacted request showed its text: each is redrawn in Teams from the
 * redacted request, and the stored copies of earlier cards (and parked ones) lose their text.
 */
async function redactHelpNotifications(
  ref: TeamRef,
  team: Team,
  request: HelpRequest,
  ports: DeletePorts,
): Promise<number> {
  const people = await peopleOf(
    ref,
    [request.requesterId, request.helperId, request.buddyId],
    ports,
  );
  await refreshHelpCards({ team, request, people }, ports);
  const prefix = `${notificationId('help', request.id)}~`;
  for (const record of await ports.notifications.listByPrefix(ref, prefix)) {
    // The redraws just queued (and any later ones) show the redacted request already.
    if ((record.update?.revision ?? 0) >= request.revision) continue;
    if (record.message.text === DELETED_TEXT && !record.message.card) continue;
    await retryOnConflict(async () => {
      const fresh = await ports.notifications.get(ref, record.id);
      if (!fresh) return;
      await ports.notifications.update(
        { ...fresh.value, message: { text: DELETED_TEXT } },
        fresh.etag,
      );
    });
  }
  const parked = (await ports.deadLetters.list(ref, ALL)).filter((d) =>
    d.notificationId.startsWith(prefix),
  );
  return removeDeadLetters(
    ref,
    parked.map((d) => d.notificationId),
    ports,
  );
}

/**
 * Messages to others that name the member keep their delivery record (who, when, where) and lose
 * what they said; undelivered ones naming her are discarded. Her own 1:1 messages go entirely,
 * further on.
 */
async function redactMessagesNaming(
  ref: TeamRef,
  member: Member,
  ports: DeletePorts,
): Promise<number> {
  const toHer = (r: { target: { kind: string; userId?: string } }) =>
    r.target.kind === 'member' && r.target.userId === member.userId;
  const naming = (message: unknown) => namesMember(JSON.stringify(message), member);
  for (const record of await ports.notifications.listByPrefix(ref, '')) {
    if (toHer(record) || !naming(record.message)) continue;
    await retryOnConflict(async () => {
      const fresh = await ports.notifications.get(ref, record.id);
      if (!fresh || !naming(fresh.value.message)) return;
      await ports.notifications.update(
        { ...fresh.value, message: { text: DELETED_TEXT } },
        fresh.etag,
      );
    });
  }
  const parked = (await ports.deadLetters.list(ref, ALL)).filter(
    (d) => !toHer(d) && namesMember(d.summary, member),
  );
  return removeDeadLetters(
    ref,
    parked.map((d) => d.notificationId),
    ports,
  );
}

async function removeDeadLetters(
  ref: TeamRef,
  ids: readonly string[],
  ports: Pick<Ports, 'deadLetters'>,
): Promise<number> {
  let count = 0;
  for (const id of ids) {
    const entry = await ports.deadLetters.get(ref, id);
    if (!entry) continue;
    const gone = await removeRow(
      entry.etag,
      async () => (await ports.deadLetters.get(ref, id))?.etag,
      (etag) => ports.deadLetters.remove(ref, id, etag),
    );
    if (gone) count++;
  }
  return count;
}

/**
 * Deletes a row with the ETag it was read with, reading it again when it changed meanwhile.
 * False when it was already gone (another run, or the worker, got there first).
 */
async function removeRow(
  etag: string,
  reread: () => Promise<string | undefined>,
  remove: (etag: string) => Promise<void>,
): Promise<boolean> {
  let current: string | undefined = etag;
  for (let attempt = 1; current !== undefined; attempt++) {
    try {
      await remove(current);
      return true;
    } catch (error) {
      if (isDomainError(error) && error.code === 'not_found') return false;
      if (!isDomainError(error) || error.code !== 'conflict' || attempt >= 4) throw error;
      current = await reread();
    }
  }
  return false;
}
