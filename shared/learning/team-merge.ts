/**
 * Bundles from many devices added together: the counts summed, and for everything a proposal
 * rests on, how many devices (agents) agree. `inloop learn merge` turns the result into a
 * proposal for the next pack version; `inloop report --from` and the Team view into the team
 * report.
 */
import type { BundleLine, DayCounts } from '../schemas/learning';

/** Counts of one thing and the devices they came from. */
export interface Agreed {
  conversations: number;
  readonly devices: Set<string>;
}

export interface MergedLearning {
  bundles: number;
  readonly devices: Set<string>;
  conversations: number;
  readonly days: DayCounts[];
  readonly reasons: Map<string, number>;
  /** `packId\0articleId\0term` → uses under the term. */
  readonly articleTerms: Map<
    string,
    {
      packId: string;
      articleId: string;
      term: string;
      word: string;
      used: number;
      dismissed: number;
      devices: Set<string>;
    }
  >;
  /** Term → uses under it over all articles (for the share one article has). */
  readonly termUses: Map<string, number>;
  /** Term → the devices whose bundles carry it (it passed k on each). */
  readonly termDevices: Map<string, Set<string>>;
  /** `passage\0term` → uses of the part (by the fingerprint of its text) under the term. */
  readonly passageTerms: Map<
    string,
    { passage: string; term: string; used: number; dismissed: number; devices: Set<string> }
  >;
  /** `intentId\0text` → the example's agreement. */
  readonly examples: Map<string, Agreed & { intentId: string; text: string }>;
  /** `intentId\0phrase` → the phrase's agreement. */
  readonly phrases: Map<string, Agreed & { intentId: string; phrase: string }>;
  /** Phrase → conversations it was said in over all intents (for the share one intent has). */
  readonly phraseUses: Map<string, number>;
  readonly corrections: Map<string, number>;
  readonly replies: Map<
    string,
    { shown: number; copied: number; sent: number; rewrites: Map<string, Agreed> }
  >;
  readonly flags: Map<string, { shown: number; dismissed: number; devices: Set<string> }>;
  readonly gaps: {
    terms: string[];
    conversations: number;
    examples: string[];
    devices: Set<string>;
  }[];
}

export function emptyMerge(): MergedLearning {
  return {
    bundles: 0,
    devices: new Set(),
    conversations: 0,
    days: [],
    reasons: new Map(),
    articleTerms: new Map(),
    termUses: new Map(),
    termDevices: new Map(),
    passageTerms: new Map(),
    examples: new Map(),
    phrases: new Map(),
    phraseUses: new Map(),
    corrections: new Map(),
    replies: new Map(),
    flags: new Map(),
    gaps: [],
  };
}

const agree = (had: Agreed | undefined, conversations: number, device: string): Agreed => {
  const a = had ?? { conversations: 0, devices: new Set<string>() };
  a.conversations += conversations;
  a.devices.add(device);
  return a;
};

/** Uses and dismissals of one thing, and the devices they came from. */
interface Counted {
  used: number;
  dismissed: number;
  readonly devices: Set<string>;
}

const noCounts = (): Counted => ({ used: 0, dismissed: 0, devices: new Set<string>() });

/** Adds a line's uses and dismissals (and its device) to the cell at `key` (`fresh` the first time). */
function addCounts<C extends Counted>(
  cells: Map<string, C>,
  key: string,
  fresh: () => C,
  line: { readonly used: number; readonly dismissed: number },
  device: string,
): void {
  const cell = cells.get(key) ?? fresh();
  cell.used += line.used;
  cell.dismissed += line.dismissed;
  cell.devices.add(device);
  cells.set(key, cell);
}

/** Adds one bundle's lines into `merged` (in place); returns it for chaining. */
export function mergeBundle(merged: MergedLearning, lines: readonly BundleLine[]): MergedLearning {
  const meta = lines.find((l) => l.kind === 'meta');
  const device = meta?.kind === 'meta' ? meta.device : `bundle-${merged.bundles + 1}`;
  const out = merged;
  out.bundles += 1;
  out.devices.add(device);
  for (const line of lines) {
    switch (line.kind) {
      case 'meta':
        out.conversations += line.conversations;
        break;
      case 'day': {
        const { kind: _, ...day } = line;
        const had = out.days.find(
          (d) => d.date === day.date && d.packs.join(' ') === day.packs.join(' '),
        );
        if (!had) out.days.push({ ...day, packs: [...day.packs] });
        else
          for (const key of [
            'conversations',
            'escalated',
            'replyShown',
            'replySent',
            'articleShown',
            'articleUsed',
          ] as const)
            had[key] += day[key];
        break;
      }
      case 'reason':
        out.reasons.set(line.reason, (out.reasons.get(line.reason) ?? 0) + line.conversations);
        break;
      case 'article-term': {
        addCounts(
          out.articleTerms,
          `${line.packId}\u0000${line.articleId}\u0000${line.term}`,
          () => ({
            packId: line.packId,
            articleId: line.articleId,
            term: line.term,
            word: line.word,
            ...noCounts(),
          }),
          line,
          device,
        );
        out.termUses.set(line.term, (out.termUses.get(line.term) ?? 0) + line.used);
        out.termDevices.set(line.term, (out.termDevices.get(line.term) ?? new Set()).add(device));
        break;
      }
      case 'passage-term':
        addCounts(
          out.passageTerms,
          `${line.passage}\u0000${line.term}`,
          () => ({ passage: line.passage, term: line.term, ...noCounts() }),
          line,
          device,
        );
        break;
      case 'article-intent':
        break;
      case 'intent-example': {
        const key = `${line.intentId}\u0000${line.text.toLowerCase()}`;
        const had = out.examples.get(key);
        const a = agree(had, line.conversations, device);
        out.examples.set(key, { ...a, intentId: line.intentId, text: had?.text ?? line.text });
        break;
      }
      case 'intent-phrase': {
        const key = `${line.intentId}\u0000${line.phrase}`;
        const a = agree(out.phrases.get(key), line.conversations, device);
        out.phrases.set(key, { ...a, intentId: line.intentId, phrase: line.phrase });
        out.phraseUses.set(
          line.phrase,
          (out.phraseUses.get(line.phrase) ?? 0) + line.conversations,
        );
        break;
      }
      case 'correction': {
        const key = `${line.from ?? ''}\u0000${line.to ?? ''}`;
        out.corrections.set(key, (out.corrections.get(key) ?? 0) + line.conversations);
        break;
      }
      case 'reply': {
        const had = out.replies.get(line.replyId) ?? {
          shown: 0,
          copied: 0,
          sent: 0,
          rewrites: new Map<string, Agreed>(),
        };
        had.shown += line.shown;
        had.copied += line.copied;
        had.sent += line.sent;
        if (line.rewrite)
          had.rewrites.set(
            line.rewrite.text,
            agree(had.rewrites.get(line.rewrite.text), line.rewrite.conversations, device),
          );
        out.replies.set(line.replyId, had);
        break;
      }
      case 'flag': {
        const had = out.flags.get(line.ruleId) ?? { shown: 0, dismissed: 0, devices: new Set() };
        had.shown += line.shown;
        had.dismissed += line.dismissed;
        if (line.dismissed > 0) had.devices.add(device);
        out.flags.set(line.ruleId, had);
        break;
      }
      case 'gap': {
        const need = Math.min(2, line.terms.length);
        const had = out.gaps.find(
          (g) => line.terms.filter((t) => g.terms.includes(t)).length >= need,
        );
        if (!had) {
          out.gaps.push({
            terms: [...line.terms],
            conversations: line.conversations,
            examples: [...line.examples],
            devices: new Set([device]),
          });
        } else {
          had.conversations += line.conversations;
          had.devices.add(device);
          for (const e of line.examples)
            if (had.examples.length < 5 && !had.examples.includes(e)) had.examples.push(e);
        }
        break;
      }
    }
  }
  return out;
}
