/** A team is addressed by its tenant and its Teams thread id; the pair is the storage partition. */
export interface TeamRef {
  tenantId: string;
  teamId: string;
}

/** Where the bot can post in a team: the Bot Connector endpoint and the channel conversation. */
export interface ConversationAddress {
  serviceUrl: string;
  conversationId: string;
}

export interface Team extends TeamRef {
  name: string;
  /** False once the bot is uninstalled: data stays, access and notifications stop. */
  active: boolean;
  installedAt: string;
  updatedAt: string;
  channel: ConversationAddress;
  /** Where help requests are posted; null means the General channel (`channel`). */
  supportChannel: Channel | null;
  /** Who added Mutual first: the team's first owner. Undefined on rows from before roles. */
  firstInstallerId?: string | undefined;
  /** When Mutual was last removed from the team (ISO); '' or undefined while installed. */
  uninstalledAt?: string | undefined;
  /** `ROLES_VERSION` once the owners of an older row were migrated (core/team/roles.ts). */
  rolesVersion?: number | undefined;
}

/** A channel of a team; General's id is the team's own id. */
export interface Channel {
  id: string;
  name: string;
}

/** The channel help requests go to: the one an owner chose, else General. */
export const supportChannelOf = (team: Team): Channel =>
  team.supportChannel ?? { id: team.channel.conversationId, name: 'General' };

export const sameTeam = (a: TeamRef, b: TeamRef) =>
  a.tenantId === b.tenantId && a.teamId === b.teamId;

/** The verified caller: both ids come from a validated token, never from the request body. */
export interface Actor {
  tenantId: string;
  userId: string;
}

/** Teams thread ids look like `19:…@thread.tacv2`; bound the size so keys stay small. */
export const MAX_TEAM_ID = 200;
