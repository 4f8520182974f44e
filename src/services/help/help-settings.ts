import { invalid, isDomainError } from '../../core/errors';
import type { Ports } from '../../core/ports';
import { supportChannelOf, type Actor, type Channel } from '../../core/team/team';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { requireMember, requireOwner } from '../shared/team-access';

export interface HelpSettings {
  supportChannel: Channel;
  channels: Channel[];
  /** Why the channel list could not be read from Teams, or '' when it was. */
  channelsError: string;
}

/** Where help requests go, and the channels an owner can choose from. */
export async function getHelpSettings(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'channels'>,
): Promise<HelpSettings> {
  const { team } = await requireMember(actor, teamId, ports);
  const current = supportChannelOf(team);
  try {
    const channels = await ports.channels.list(team);
    return { supportChannel: current, channels: withCurrent(channels, current), channelsError: '' };
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'unavailable') throw error;
    return { supportChannel: current, channels: [current], channelsError: error.message };
  }
}

/** An owner chooses the support channel, among the channels Teams lists for the team. */
export async function saveHelpSettings(
  actor: Actor,
  teamId: string,
  channelId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'channels' | 'clock'>,
): Promise<HelpSettings> {
  const { ref, team } = await requireOwner(actor, teamId, ports);
  const channels = await ports.channels.list(team);
  const chosen = channels.find((c) => c.id === channelId);
  if (!chosen)
    throw invalid(
      'That channel is not in this team (any more); choose one from the list.',
      'channelId',
    );
  const general = chosen.id === team.channel.conversationId;
  const saved = await retryOnConflict(async () => {
    const current = await ports.teams.get(ref);
    if (!current) throw invalid('Mutual is not installed in that team.');
    const next = {
      ...current.value,
      supportChannel: general ? null : { id: chosen.id, name: chosen.name },
      updatedAt: ports.clock.now().toISOString(),
    };
    return (await ports.teams.update(next, current.etag)).value;
  });
  return { supportChannel: supportChannelOf(saved), channels, channelsError: '' };
}

/** The list always holds the current channel, even if Teams no longer lists it. */
const withCurrent = (channels: Channel[], current: Channel) =>
  channels.some((c) => c.id === current.id) ? channels : [current, ...channels];
