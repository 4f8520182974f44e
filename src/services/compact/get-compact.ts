import type { CompactVersion } from '../../core/compact/compact';
import type { Ports } from '../../core/ports';
import type { Actor } from '../../core/team/team';
import { requireMember } from '../shared/team-access';

export interface CurrentCompact {
  version: CompactVersion;
  /** The adopter's display name, or undefined for the template, people who left or were forgotten. */
  adoptedByName: string | undefined;
}

/** The compact in force for a team, or undefined before any version was adopted. */
export async function getCompact(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'compacts'>,
): Promise<CurrentCompact | undefined> {
  const { ref } = await requireMember(actor, teamId, ports);
  const version = await ports.compacts.current(ref);
  if (!version) return undefined;
  const adopter = await ports.members.get(ref, version.adoptedBy);
  return { version, adoptedByName: adopter?.value.name || undefined };
}
