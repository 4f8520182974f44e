import { invalid } from '../errors';
import type { Boundaries } from './boundaries';
import type { OwnerGrant } from './roles';

export type TeamRole = 'owner' | 'member';

export const skillLevels = ['beginner', 'intermediate', 'expert'] as const;
export type SkillLevel = (typeof skillLevels)[number];

export interface Skill {
  name: string;
  level: SkillLevel;
}

/** Who is in a team, as the bot last saw the roster, plus what the member says about themselves. */
export interface Member extends Boundaries {
  /** Entra object id (`oid`): the only identity the API trusts. */
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  /** How an owner became one (core/team/roles.ts); undefined for members and rows from before. */
  ownerGrant?: OwnerGrant | undefined;
  /** The owner who promoted them, for `promoted`. */
  ownerGrantedBy?: string | undefined;
  /** When they became an owner (ISO); a removal of team data checks it against the uninstall. */
  ownerSince?: string | undefined;
  /** The bot's id for the user (`29:…`), needed to open a 1:1 chat. */
  botUserId: string;
  /** False once the member left the team: history stays, access ends. */
  active: boolean;
  joinedAt: string;
  department: string;
  teaches: Skill[];
  learns: Skill[];
}

/** A member as the Teams roster describes them, before Mutual knows anything else. */
export type RosterEntry = Pick<Member, 'userId' | 'name' | 'email' | 'botUserId'> & {
  role?: TeamRole;
};

export const MAX_SKILLS = 20;
export const MAX_SKILL_NAME = 60;

/** Skills compare case-insensitively; the first spelling wins. */
export function normaliseSkills(skills: readonly Skill[], field: string): Skill[] {
  if (skills.length > MAX_SKILLS) throw invalid(`List at most ${MAX_SKILLS} skills.`, field);
  const seen = new Set<string>();
  const out: Skill[] = [];
  for (const skill of skills) {
    const name = skill.name.trim().replace(/\s+/g, ' ');
    if (name.length === 0) throw invalid('A skill needs a name.', field);
    if (name.length > MAX_SKILL_NAME)
      throw invalid(`Keep skill names under ${MAX_SKILL_NAME} characters.`, field);
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, level: skill.level });
  }
  return out;
}
