import { skillLevels, type Skill } from '../../team/member';

/** One skill as the engine compares it: a case-insensitive key, the member's spelling, a level rank. */
export interface RankedSkill {
  key: string;
  name: string;
  /** 0 beginner, 1 intermediate, 2 expert. */
  rank: number;
}

/** A member's skills, prepared once so pair scores are cheap to compute. */
export interface SkillProfile {
  learns: readonly RankedSkill[];
  teaches: ReadonlyMap<string, RankedSkill>;
}

/** Skill names compare case-insensitively and ignore extra spaces ("Design  reviews" = "design reviews"). */
export const skillKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const rankOf = (level: string | undefined): number => {
  const rank = skillLevels.findIndex((l) => l === level);
  // An unknown level reads as the middle one rather than failing the whole round.
  return rank < 0 ? 1 : rank;
};

const ranked = (skills: readonly Skill[]): RankedSkill[] => {
  const seen = new Set<string>();
  const out: RankedSkill[] = [];
  for (const skill of skills) {
    const key = skillKey(skill.name);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, name: skill.name.trim(), rank: rankOf(skill.level) });
  }
  return out;
};

/** Prepare a member's skills; duplicates keep the first spelling, empty names are ignored. */
export function skillProfile(teaches: readonly Skill[], learns: readonly Skill[]): SkillProfile {
  return {
    learns: ranked(learns),
    teaches: new Map(ranked(teaches).map((s) => [s.key, s])),
  };
}

/**
 * How much a teacher at `teacherRank` helps a learner currently at `learnerRank`. A step up counts
 * fully; peers at the same level compare notes (half, a quarter for two beginners); teaching
 * someone who already knows more counts nothing.
 */
export function teachingCredit(teacherRank: number, learnerRank: number): number {
  if (teacherRank > learnerRank) return 1;
  if (teacherRank === learnerRank) return teacherRank === 0 ? 0.25 : 0.5;
  return 0;
}

/** teach(A→B) in [0, 1]: the share of what B wants to learn that A can teach, level-weighted. */
export function teachScore(teacher: SkillProfile, learner: SkillProfile): number {
  const wants = learner.learns;
  if (wants.length === 0) return 0;
  let total = 0;
  for (const want of wants) {
    const offer = teacher.teaches.get(want.key);
    if (offer !== undefined) total += teachingCredit(offer.rank, want.rank);
  }
  return total / wants.length;
}

/** The skills A can teach B (credit > 0), best first, in B's spelling. */
export function teachableSkills(teacher: SkillProfile, learner: SkillProfile): string[] {
  const found: { name: string; credit: number }[] = [];
  for (const want of learner.learns) {
    const offer = teacher.teaches.get(want.key);
    if (offer === undefined) continue;
    const credit = teachingCredit(offer.rank, want.rank);
    if (credit > 0) found.push({ name: want.name, credit });
  }
  // Stable sort: equal credits keep the learner's own order.
  return found.sort((a, b) => b.credit - a.credit).map((s) => s.name);
}
