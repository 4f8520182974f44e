import type { Candidate, Lesson } from './pairing';
import type { PairScorer } from './pair-scorer';
import { teachableSkills } from './skill-match';

/** Skills named per direction in a reason; the lessons list keeps them all. */
const SKILLS_IN_REASON = 2;

/** Who can teach whom what inside a group, in the group's order. */
export function groupLessons(
  members: readonly number[],
  candidates: readonly Candidate[],
  scorer: PairScorer,
): Lesson[] {
  const lessons: Lesson[] = [];
  for (const teacher of members) {
    for (const learner of members) {
      if (teacher === learner) continue;
      for (const skill of teachableSkills(scorer.profiles[teacher]!, scorer.profiles[learner]!)) {
        lessons.push({ teacher: candidates[teacher]!.id, learner: candidates[learner]!.id, skill });
      }
    }
  }
  return lessons;
}

/**
 * A short, true sentence for the people in the group: who teaches whom what (at most two skills
 * per direction, one direction per teacher); failing that, the departments they bring together;
 * failing that, whether they have met before.
 */
export function groupReason(
  members: readonly number[],
  candidates: readonly Candidate[],
  scorer: PairScorer,
): string {
  const name = (i: number) => displayName(candidates[i]!);
  const teaching: string[] = [];
  const mentioned = new Set<number>();
  for (const teacher of members) {
    // One sentence per teacher keeps a trio's reason short: the learner they help most.
    let best: { learner: number; skills: string[] } | undefined;
    for (const learner of members) {
      if (teacher === learner) continue;
      const skills = teachableSkills(scorer.profiles[teacher]!, scorer.profiles[learner]!);
      if (skills.length > (best?.skills.length ?? 0)) best = { learner, skills };
    }
    if (best === undefined) continue;
    teaching.push(`${name(teacher)} teaches ${name(best.learner)} ${skillList(best.skills)}`);
    mentioned.add(teacher).add(best.learner);
  }
  if (teaching.length > 0) {
    const rest = members.filter((m) => !mentioned.has(m));
    const joins = rest.map((m) => ` ${withDepartment(candidates[m]!)} makes it a group of three.`);
    return `${teaching.join('; ')}.${joins.join('')}`;
  }
  const departments = new Set(members.map((m) => scorer.departments[m]!).filter((d) => d !== ''));
  const allKnown = members.every((m) => scorer.departments[m] !== '');
  const people = listOf(members.map((m) => withDepartment(candidates[m]!)));
  if (allKnown && departments.size === members.length) {
    return `${people} work in different departments: a fresh view of each other’s work.`;
  }
  if (departments.size >= 2) {
    return `${people} bring two departments together: a fresh view of each other’s work.`;
  }
  const names = listOf(members.map(name));
  const repeats = pairsOf(members)
    .map(([a, b]) => scorer.history.lastTogether(a, b))
    .filter((r) => r !== undefined);
  if (repeats.length === 0) {
    return `${names} have not been ${members.length === 2 ? 'paired' : 'grouped'} before.`;
  }
  const recent = Math.min(...repeats);
  const when = recent === 0 ? 'last round' : `${recent + 1} rounds ago`;
  return members.length === 2
    ? `${names} meet again: they were last paired ${when}.`
    : `${names} meet again: some of them were together ${when}.`;
}

const displayName = (c: Candidate): string => c.name.trim() || c.id;

const withDepartment = (c: Candidate): string => {
  const department = c.department.trim();
  return department === '' ? displayName(c) : `${displayName(c)} (${department})`;
};

/** "SQL", "SQL and testing", "SQL, testing and 2 more". */
function skillList(skills: readonly string[]): string {
  const named = skills.slice(0, SKILLS_IN_REASON);
  const more = skills.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  return listOf(named);
}

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function pairsOf(members: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) out.push([members[a]!, members[b]!]);
  }
  return out;
}
