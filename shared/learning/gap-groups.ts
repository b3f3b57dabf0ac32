/**
 * Knowledge gaps grouped: customer messages the articles answered poorly or not at all, put
 * together when they share at least two content terms (or one, for one-term messages), each
 * group named by its most frequent terms.
 */
import { analyze } from '../knowledge/analyzer';

/** A group of gap messages: its top terms, how many conversations, and its messages. */
export interface GapGroup {
  readonly terms: string[];
  readonly count: number;
  /** The most seen messages first, at most three. */
  readonly examples: { text: string; count: number }[];
}

/** Groups `messages` (each seen in `count` conversations), largest group first. */
export function groupWeightedGaps(
  messages: readonly { readonly text: string; readonly count: number }[],
): GapGroup[] {
  const groups: {
    terms: Map<string, number>;
    count: number;
    examples: { text: string; count: number }[];
  }[] = [];
  for (const { text, count } of messages) {
    const terms = [...new Set(analyze(text))];
    if (terms.length === 0) continue;
    const need = Math.min(2, terms.length);
    const group = groups.find((g) => terms.filter((t) => g.terms.has(t)).length >= need);
    const target = group ?? { terms: new Map<string, number>(), count: 0, examples: [] };
    if (!group) groups.push(target);
    target.count += count;
    for (const t of terms) target.terms.set(t, (target.terms.get(t) ?? 0) + count);
    target.examples.push({ text, count });
  }
  return groups
    .map((g) => ({
      terms: [...g.terms]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([t]) => t),
      count: g.count,
      examples: [...g.examples].sort((a, b) => b.count - a.count).slice(0, 3),
    }))
    .sort((a, b) => b.count - a.count);
}

/** Groups messages seen once each (the device report's gaps). */
export function groupGaps(
  messages: readonly string[],
): { terms: string[]; count: number; examples: string[] }[] {
  return groupWeightedGaps(messages.map((text) => ({ text, count: 1 }))).map((g) => ({
    terms: g.terms,
    count: g.count,
    examples: g.examples.map((e) => e.text),
  }));
}
