import { isDomainError } from '../core/errors';
import type { Actor } from '../core/team/team';
import type { Services } from '../services';
import { DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAM } from './demo-team';

/**
 * Seeds the demo team on first start, through the same use cases the bot and the tab use: an
 * installation (roster + template compact), then each person fills in their own profile and opts
 * in, and the owner sets up skill share and pairs blocker buddies.
 * Returns false when the team was already there. A seed cut short is finished on the next start.
 */
export async function seedDemoTeam(
  services: Services,
  channelServiceUrl: string,
): Promise<boolean> {
  const owner = { tenantId: DEMO_TEAM.tenantId, userId: DEMO_OWNER.userId };
  if (await seeded(services, owner)) return false;

  await services.registerInstallation({
    ref: { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId },
    name: DEMO_TEAM.name,
    channel: { serviceUrl: channelServiceUrl, conversationId: DEMO_TEAM.teamId },
    installedBy: DEMO_OWNER.userId,
    roster: DEMO_PEOPLE.map(({ userId, name, email, botUserId }) => ({
      userId,
      name,
      email,
      botUserId,
    })),
  });
  for (const person of DEMO_PEOPLE) {
    await services.updateProfile(
      { tenantId: DEMO_TEAM.tenantId, userId: person.userId },
      DEMO_TEAM.teamId,
      {
        department: person.department,
        teaches: person.teaches,
        learns: person.learns,
        optedIn: true,
        timeZone: 'Europe/London',
        quietHours: { start: '19:00', end: '08:00' },
      },
    );
  }
  // Skill share is set up, with a preview, so the owner can make, adjust and publish a round.
  await services.saveProgram(owner, DEMO_TEAM.teamId, 'skill_share', {
    enabled: true,
    cadence: 'every_4_weeks',
    weekday: 1,
    hour: 9,
    timeZone: 'Europe/London',
    groupSize: 2,
    preview: true,
    sprintWeeks: 2,
  });
  // Blocker buddies are paired from the start (no preview), so "Ask for help" has a buddy to ask.
  await services.saveProgram(owner, DEMO_TEAM.teamId, 'blocker_buddy', {
    enabled: true,
    cadence: 'each_sprint',
    weekday: 1,
    hour: 9,
    timeZone: 'Europe/London',
    groupSize: 2,
    preview: false,
    sprintWeeks: 2,
  });
  await services.startRoundNow(owner, DEMO_TEAM.teamId, 'blocker_buddy');
  return true;
}

async function seeded(services: Services, owner: Actor): Promise<boolean> {
  try {
    const members = await services.listMembers(owner, DEMO_TEAM.teamId);
    const profiled = new Set(members.filter((m) => m.department !== '').map((m) => m.userId));
    return DEMO_PEOPLE.every((p) => profiled.has(p.userId));
  } catch (error) {
    if (isDomainError(error) && (error.code === 'not_found' || error.code === 'forbidden'))
      return false;
    throw error;
  }
}
