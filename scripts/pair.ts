// Pairs a team from a JSON file with the pairing engine: `npm run pair -- <file.json>`.
// The file format is in docs/pairing.md (example: docs/examples/pairing-team.json). Paused members
// are left out. Prints the groups as JSON on stdout; a bad file prints every problem, each naming
// its field, on stderr and exits with code 2.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isDomainError } from '../src/core/errors';
import { computePairs } from '../src/core/rotations/pairing/engine';
import type { Candidate, PairingWeights } from '../src/core/rotations/pairing/pairing';
import { DEFAULT_WEIGHTS } from '../src/core/rotations/pairing/program-weights';
import { skillLevels, type Skill, type SkillLevel } from '../src/core/team/member';

const SkillSchema = z.union(
  [
    z.string().trim().min(1),
    z.strictObject({ name: z.string().trim().min(1), level: z.enum(skillLevels).optional() }),
  ],
  {
    error: `Write a skill as "SQL" or { "name": "SQL", "level": ${skillLevels.map((l) => `"${l}"`).join(' | ')} }.`,
  },
);

const MemberSchema = z.strictObject({
  id: z.string().trim().min(1, 'Every member needs an id.'),
  name: z.string().optional(),
  department: z.string().optional(),
  teaches: z.array(SkillSchema).optional(),
  learns: z.array(SkillSchema).optional(),
  paused: z.boolean().optional(),
});

const WeightsSchema = z
  .strictObject({
    reciprocity: z.number().min(0).max(1000),
    oneWay: z.number().min(0).max(1000),
    crossDepartment: z.number().min(0).max(1000),
    repeatPenalty: z.number().min(0).max(1000),
    halfLifeRounds: z.number().positive(),
  })
  .partial();

const PairingFileSchema = z
  .strictObject({
    members: z.array(MemberSchema),
    /** Most recent round first; each round is a list of groups of member ids. */
    pastRounds: z
      .array(z.array(z.array(z.string()).min(2, 'A group has at least two people.')))
      .optional(),
    program: z.enum(['skill_share', 'cross_check', 'blocker_buddy']).optional(),
    weights: WeightsSchema.optional(),
    groupSize: z
      .union([z.literal(2), z.literal(3)], { error: 'Use 2 (pairs) or 3 (groups of three).' })
      .optional(),
    seed: z.number().int().optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.members.forEach((m, index) => {
      if (seen.has(m.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', index, 'id'],
          message: `Member id "${m.id}" is used twice.`,
        });
      }
      seen.add(m.id);
    });
  });
type PairingFile = z.infer<typeof PairingFileSchema>;

/** A plain string is a skill at a default level: taught at intermediate, learnt from beginner. */
const toSkills = (
  skills: readonly z.infer<typeof SkillSchema>[] | undefined,
  level: SkillLevel,
): Skill[] =>
  (skills ?? []).map((s) =>
    typeof s === 'string' ? { name: s, level } : { name: s.name, level: s.level ?? level },
  );

/** `members[2].teaches[0].level` style paths, as people write them. */
const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  ) || '(file)';

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Run the engine on a parsed file; paused members are listed, never paired. */
function pairFromFile(file: PairingFile) {
  const active = file.members.filter((m) => m.paused !== true);
  const candidates: Candidate[] = active.map((m) => ({
    id: m.id,
    name: m.name ?? m.id,
    department: m.department ?? '',
    teaches: toSkills(m.teaches, 'intermediate'),
    learns: toSkills(m.learns, 'beginner'),
  }));
  const weights: PairingWeights = {
    ...DEFAULT_WEIGHTS[file.program ?? 'skill_share'],
    ...file.weights,
  };
  const result = computePairs({
    candidates,
    history: (file.pastRounds ?? []).map((groups) => ({ groups })),
    weights,
    groupSize: file.groupSize ?? 2,
    seed: file.seed ?? 1,
  });
  return {
    groups: result.groups.map((g) => ({
      members: g.members,
      weight: round(g.weight),
      reason: g.reason,
    })),
    unplaced: result.unplaced,
    paused: file.members.filter((m) => m.paused === true).map((m) => m.id),
    totalWeight: round(result.totalWeight),
    method: result.method,
  };
}

async function main(args: readonly string[]): Promise<number> {
  const [path] = args;
  if (path === undefined || args.length > 1) {
    process.stderr.write('Usage: npm run pair -- <file.json>   (see docs/pairing.md)\n');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why =
      error instanceof SyntaxError ? `is not valid JSON (${error.message})` : 'cannot be read';
    process.stderr.write(`${path} ${why}.\n`);
    return 2;
  }
  const parsed = PairingFileSchema.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(`${path} has ${parsed.error.issues.length} problem(s):\n`);
    for (const issue of parsed.error.issues) {
      process.stderr.write(`  ${fieldPath(issue.path)}: ${issue.message}\n`);
    }
    return 2;
  }
  try {
    process.stdout.write(`${JSON.stringify(pairFromFile(parsed.data), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      process.stderr.write(`${error.field ?? path}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
