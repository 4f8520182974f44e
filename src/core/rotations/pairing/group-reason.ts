import { FORMER_MEMBER_NAME } from '../../privacy/personal-data';
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
 * Why a group was made, as data: member ids and skills, never names. Names (and departments) are
 * looked up when the reason is shown, so a member's "Delete my data" takes them out of every
 * reason at once. `text` is a reason stored before reasons were data that could not be read back
 * (see `parseLegacyReason`), or one a test or an owner wrote.
 */
export type GroupReason =
  | {
      kind: 'teaching';
      /** One per teacher: the learner they help most, and up to two skills (`more`: the rest). */
      lessons: { teacher: string; learner: string; skills: string[]; more: number }[];
      /** Members no lesson names, who make the group a trio. */
      joiners: string[];
    }
  | { kind: 'departments'; spread: 'all_different' | 'two'; members: string[] }
  | { kind: 'new'; members: string[] }
  | { kind: 'again'; members: string[]; roundsAgo: number }
  | { kind: 'text'; text: string };

/** How a reason names a person when it is shown. */
export interface ReasonPerson {
  name: string;
  department: string;
}

/**
 * A short, true reason for the people in the group: who teaches whom what (at most two skills
 * per direction, one direction per teacher); failing that, the departments they bring together;
 * failing that, whether they have met before.
 */
export function groupReason(
  members: readonly number[],
  candidates: readonly Candidate[],
  scorer: PairScorer,
): GroupReason {
  const id = (i: number) => candidates[i]!.id;
  const lessons: Extract<GroupReason, { kind: 'teaching' }>['lessons'] = [];
  const mentioned = new Set<number>();
  for (const teacher of members) {
    // One per teacher keeps a trio's reason short: the learner they help most.
    let best: { learner: number; skills: string[] } | undefined;
    for (const learner of members) {
      if (teacher === learner) continue;
      const skills = teachableSkills(scorer.profiles[teacher]!, scorer.profiles[learner]!);
      if (skills.length > (best?.skills.length ?? 0)) best = { learner, skills };
    }
    if (best === undefined) continue;
    lessons.push({
      teacher: id(teacher),
      learner: id(best.learner),
      skills: best.skills.slice(0, SKILLS_IN_REASON),
      more: Math.max(0, best.skills.length - SKILLS_IN_REASON),
    });
    mentioned.add(teacher).add(best.learner);
  }
  if (lessons.length > 0)
    return { kind: 'teaching', lessons, joiners: members.filter((m) => !mentioned.has(m)).map(id) };
  const departments = new Set(members.map((m) => scorer.departments[m]!).filter((d) => d !== ''));
  const allKnown = members.every((m) => scorer.departments[m] !== '');
  const ids = members.map(id);
  if (allKnown && departments.size === members.length)
    return { kind: 'departments', spread: 'all_different', members: ids };
  if (departments.size >= 2) return { kind: 'departments', spread: 'two', members: ids };
  const repeats = pairsOf(members)
    .map(([a, b]) => scorer.history.lastTogether(a, b))
    .filter((r) => r !== undefined);
  if (repeats.length === 0) return { kind: 'new', members: ids };
  return { kind: 'again', members: ids, roundsAgo: Math.min(...repeats) };
}

/** The reason in words, with each person as `personOf` names them now. */
export function renderGroupReason(
  reason: GroupReason,
  personOf: (id: string) => ReasonPerson,
): string {
  const name = (id: string) => personOf(id).name;
  const withDepartment = (id: string) => {
    const { name, department } = personOf(id);
    return department.trim() === '' ? name : `${name} (${department.trim()})`;
  };
  switch (reason.kind) {
    case 'text':
      return reason.text;
    case 'teaching': {
      const teaching = reason.lessons.map(
        (l) => `${name(l.teacher)} teaches ${name(l.learner)} ${skillList(l.skills, l.more)}`,
      );
      const joins = reason.joiners.map((m) => ` ${withDepartment(m)} makes it a group of three.`);
      return `${teaching.join('; ')}.${joins.join('')}`;
    }
    case 'departments': {
      const people = listOf(reason.members.map(withDepartment));
      return reason.spread === 'all_different'
        ? `${people} work in different departments: a fresh view of each other’s work.`
        : `${people} bring two departments together: a fresh view of each other’s work.`;
    }
    case 'new':
      return `${listOf(reason.members.map(name))} have not been ${reason.members.length === 2 ? 'paired' : 'grouped'} before.`;
    case 'again': {
      const names = listOf(reason.members.map(name));
      const when = reason.roundsAgo === 0 ? 'last round' : `${reason.roundsAgo + 1} rounds ago`;
      return reason.members.length === 2
        ? `${names} meet again: they were last paired ${when}.`
        : `${names} meet again: some of them were together ${when}.`;
    }
  }
}

/** The member ids a reason names (none for text). */
export function reasonMembers(reason: GroupReason): string[] {
  switch (reason.kind) {
    case 'text':
      return [];
    case 'teaching':
      return [...reason.lessons.flatMap((l) => [l.teacher, l.learner]), ...reason.joiners];
    default:
      return reason.members;
  }
}

/**
 * A reason stored as words before reasons were data, read back as data by matching the group's
 * members as they are named now (name and department). Undefined when the words are not what
 * `renderGroupReason` would write for some reading: then the text is kept as it is.
 */
export function parseLegacyReason(
  text: string,
  people: readonly ({ id: string } & ReasonPerson)[],
): GroupReason | undefined {
  const named = people.filter((p) => p.name.trim() !== '');
  if (named.length !== people.length || people.length < 2) return undefined;
  const byId = new Map(people.map((p) => [p.id, p]));
  const personOf = (id: string) => byId.get(id) ?? { name: '', department: '' };
  const ids = people.map((p) => p.id);
  for (const candidate of legacyReadings(text, ids, (id) => personOf(id).name))
    if (renderGroupReason(candidate, personOf) === text) return candidate;
  return undefined;
}

/** Every structured reason the group could have had whose words might be `text`. */
function legacyReadings(
  text: string,
  ids: readonly string[],
  name: (id: string) => string,
): GroupReason[] {
  const out: GroupReason[] = [];
  const again = /(last round|(\d+) rounds ago)\.$/.exec(text);
  for (const members of permutations(ids)) {
    out.push({ kind: 'departments', spread: 'all_different', members });
    out.push({ kind: 'departments', spread: 'two', members });
    out.push({ kind: 'new', members });
    if (again) out.push({ kind: 'again', members, roundsAgo: again[2] ? Number(again[2]) - 1 : 0 });
  }
  // "A teaches B SQL; C teaches D testing." followed by one sentence per joiner.
  const [sentences = '', ...joinParts] = text.split(/(?<=\.) (?=\S)/);
  const lessonOptions = sentences
    .replace(/\.$/, '')
    .split('; ')
    .map((part) =>
      ids.flatMap((teacher) =>
        ids
          .filter((learner) => learner !== teacher)
          .flatMap((learner) => {
            const lead = `${name(teacher)} teaches ${name(learner)} `;
            if (!part.startsWith(lead)) return [];
            return skillReadings(part.slice(lead.length)).map((s) => ({ teacher, learner, ...s }));
          }),
      ),
    );
  for (const lessons of product(lessonOptions)) {
    const mentioned = new Set(lessons.flatMap((l) => [l.teacher, l.learner]));
    const joiners = ids.filter((id) => !mentioned.has(id));
    if (joiners.length !== joinParts.length) continue;
    for (const order of permutations(joiners))
      out.push({ kind: 'teaching', lessons, joiners: order });
  }
  return out;
}

/** The ways "SQL", "SQL and testing" or "SQL, testing and 2 more" may split into skills. */
function skillReadings(words: string): { skills: string[]; more: number }[] {
  const more = /^(.+), (.+) and (\d+) more$/.exec(words);
  if (more) return [{ skills: [more[1]!, more[2]!], more: Number(more[3]) }];
  const out = [{ skills: [words], more: 0 }];
  for (let at = words.indexOf(' and '); at > 0; at = words.indexOf(' and ', at + 1))
    out.push({ skills: [words.slice(0, at), words.slice(at + 5)], more: 0 });
  return out;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((a) => list.map((x) => [...a, x])), [[]]);
}

/** "SQL", "SQL and testing", "SQL, testing and 2 more". */
function skillList(named: readonly string[], more: number): string {
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

/** What a reason stored as words becomes when one of its members deletes their data. */
export const FORMER_MEMBER_IN_REASON = FORMER_MEMBER_NAME.toLowerCase();

/**
 * A stored reason made ready for a member's erasure: words are read back as data where they
 * can be (names at the time, `parseLegacyReason`); words that cannot lose the member's name.
 * Undefined when nothing changes.
 */
export function eraseFromReason(
  reason: GroupReason,
  people: readonly ({ id: string } & ReasonPerson)[],
  erased: ReasonPerson,
): GroupReason | undefined {
  if (reason.kind !== 'text') return undefined;
  const parsed = parseLegacyReason(reason.text, people);
  if (parsed) return parsed;
  const name = erased.name.trim();
  if (name === '' || !reason.text.includes(name)) return undefined;
  const department = erased.department.trim();
  let text = department ? reason.text.split(`${name} (${department})`).join(name) : reason.text;
  text = text.split(name).join(FORMER_MEMBER_IN_REASON);
  return { kind: 'text', text: text.charAt(0).toUpperCase() + text.slice(1) };
}
