import type { Clause, CompactVersion } from './compact';

export interface WordPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type ClauseDiff =
  | { kind: 'same'; clause: Clause }
  | { kind: 'added'; clause: Clause }
  | { kind: 'removed'; clause: Clause }
  | { kind: 'changed'; before: Clause; after: Clause; words: WordPart[] };

/**
 * What changed from one version to another, clause by clause (matched by their stable ids), in
 * the newer version's order with removed clauses where they stood; a changed clause carries a
 * word-level diff.
 */
export function diffVersions(from: CompactVersion, to: CompactVersion): ClauseDiff[] {
  const before = new Map(from.clauses.map((c) => [c.id, c]));
  const after = new Set(to.clauses.map((c) => c.id));
  const out: ClauseDiff[] = to.clauses.map((clause) => {
    const old = before.get(clause.id);
    if (!old) return { kind: 'added', clause };
    if (old.text === clause.text && old.commitment?.hours === clause.commitment?.hours)
      return { kind: 'same', clause };
    return { kind: 'changed', before: old, after: clause, words: diffWords(old.text, clause.text) };
  });
  // Each removed clause goes back after the clause it followed in the older version.
  from.clauses.forEach((clause, index) => {
    if (after.has(clause.id)) return;
    const previous = from.clauses[index - 1];
    const at = previous ? out.findIndex((d) => idOf(d) === previous.id) : -1;
    out.splice(at + 1, 0, { kind: 'removed', clause });
  });
  return out;
}

const idOf = (d: ClauseDiff) => (d.kind === 'changed' ? d.after.id : d.clause.id);

/** A longest-common-subsequence diff over words (and the spaces between them). */
export function diffWords(a: string, b: string): WordPart[] {
  const x = a.split(/(\s+)/).filter(Boolean);
  const y = b.split(/(\s+)/).filter(Boolean);
  // lcs[i][j]: the longest common run of x[i..] and y[j..].
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i]![j] =
        x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const parts: WordPart[] = [];
  const push = (kind: WordPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      push('same', x[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', x[i++]!);
    else push('added', y[j++]!);
  }
  while (i < x.length) push('removed', x[i++]!);
  while (j < y.length) push('added', y[j++]!);
  return parts;
}
