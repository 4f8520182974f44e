import { z } from 'zod';
import { dataOf } from './common';

export const SkillSchema = z.object({
  name: z.string(),
  level: z.enum(['beginner', 'intermediate', 'expert']),
});
export type SkillDto = z.infer<typeof SkillSchema>;

export const RoleSchema = z.enum(['owner', 'member']);

export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  department: z.string(),
  teaches: z.array(SkillSchema),
  learns: z.array(SkillSchema),
});
export type MemberDto = z.infer<typeof MemberSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.number(),
  myRole: RoleSchema,
  /** What the caller may do with the team (core/team/policy.ts); the tab shows exactly this. */
  can: z.object({ editSettings: z.boolean(), manageUndelivered: z.boolean() }).optional(),
});
export type TeamDto = z.infer<typeof TeamSchema>;

export const MeSchema = z.object({
  user: z.object({ id: z.string(), tenantId: z.string(), name: z.string() }),
  teams: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
  /**
   * Teams Mutual was removed from in which the caller is an owner: their data can still be
   * removed (`DELETE /api/teams/:teamId/data`). `name` is '' when a removal stopped half-way.
   */
  removedTeams: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MeDto = z.infer<typeof MeSchema>;

export const MeResSchema = dataOf(MeSchema);
export const TeamResSchema = dataOf(TeamSchema);
export const MembersResSchema = dataOf(z.array(MemberSchema));

// Profiles and boundaries: what a member says about themselves in one team.

export const SkillLevelSchema = z.enum(['beginner', 'intermediate', 'expert']);
export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 18:00.');
export const QuietHoursSchema = z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema });
export type QuietHoursDto = z.infer<typeof QuietHoursSchema>;

export const ProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  teaches: z.array(SkillSchema),
  learns: z.array(SkillSchema),
  /** Nobody is paired or nudged before they opt in. */
  optedIn: z.boolean(),
  /** A date (YYYY-MM-DD) until which the member is left out, no reason asked; null when not paused. */
  pausedUntil: z.string().nullable(),
  /** Help requests a week the member is willing to take on. */
  availabilityPerWeek: z.number(),
  quietHours: QuietHoursSchema.nullable(),
  /** IANA time zone, e.g. Europe/Lisbon: quiet hours are read in it. */
  timeZone: z.string(),
});
export type ProfileDto = z.infer<typeof ProfileSchema>;
export const ProfileResSchema = dataOf(ProfileSchema);

/** `PUT /api/teams/:teamId/profile`: every field optional; what is left out stays as it was. */
export const ProfileUpdateSchema = z.object({
  department: z.string().max(80, 'Keep the department under 80 characters.').optional(),
  teaches: z
    .array(z.object({ name: z.string().max(60), level: SkillLevelSchema }))
    .max(20, 'List at most 20 skills.')
    .optional(),
  learns: z
    .array(z.object({ name: z.string().max(60), level: SkillLevelSchema }))
    .max(20, 'List at most 20 skills.')
    .optional(),
  optedIn: z.boolean().optional(),
  pausedUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-31.')
    .nullable()
    .optional(),
  availabilityPerWeek: z
    .number()
    .int('Availability is a whole number of requests.')
    .min(0, 'Availability cannot be negative.')
    .max(50, 'At most 50 requests a week.')
    .optional(),
  quietHours: QuietHoursSchema.nullable().optional(),
  timeZone: z.string().min(1).max(64).optional(),
});
export type ProfileUpdateReq = z.infer<typeof ProfileUpdateSchema>;

// Roles: who is an owner in Mutual, and who may change it (core/team/roles.ts).

/** How an owner became one: first installer, promoted by an owner, a Teams owner, or from before. */
export const OwnerGrantSchema = z.enum(['first-installer', 'promoted', 'teams-owner', 'legacy']);

export const MemberRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** null for members. */
  ownerGrant: OwnerGrantSchema.nullable(),
  /** What the caller may do to this member's role; the tab shows exactly this. */
  can: z.object({ promote: z.boolean(), demote: z.boolean() }),
});
export type MemberRoleDto = z.infer<typeof MemberRoleSchema>;
export const MemberRolesResSchema = dataOf(z.array(MemberRoleSchema));
export const MemberRoleResSchema = dataOf(MemberRoleSchema);

/** `PUT /api/teams/:teamId/roles/:userId`: an owner promotes (`owner`) or demotes (`member`). */
export const RoleChangeSchema = z.object({
  role: z.enum(['owner', 'member'], { message: 'role must be "owner" or "member".' }),
});
export type RoleChangeReq = z.infer<typeof RoleChangeSchema>;

/** A member's user id in a path: the Entra object id, a GUID. */
export const UserIdParamSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'The user id in the path must be a member’s Entra object id (a GUID).',
  )
  .transform((v) => v.toLowerCase());
