/**
 * What merged bundles propose for the next version of a pack, for the team lead to review: new
 * intent examples (whole ones, or the phrases customers keep using) and how many agents agreed,
 * aliases for articles agents used under other words, article stubs for clusters of unanswered
 * questions, the team's ranking (which article, and which part of it, agents used for which
 * words: `proposal-ranking.ts`), replies with their most common rewrite, and rules agents
 * dismiss. Only what at
 * least `MIN_AGENTS` agents agree on becomes a change to the pack source; the rest is listed for
 * review.
 */
import { analyze } from '../knowledge/analyzer';
import { phrasesOf } from './intent-phrases';
import { proposedRanking, type RankingProposalEntry, type SourcePassage } from './proposal-ranking';
import type { Agreed, MergedLearning } from './team-merge';

/** Agents that must agree before a learned example, alias or stub is proposed. */
export const MIN_AGENTS = 2;
/** A word becomes an alias when at least this share of its uses went to the article. */
export const ALIAS_MIN_SHARE = 0.5;
/** Aliases proposed per article at most. */
export const MAX_ALIASES = 8;
/** Learned examples (whole ones first, then phrases) proposed per intent at most. */
export const MAX_NEW_EXAMPLES = 20;
/** A phrase becomes an example of an intent when at least this share of its uses were for it. */
export const PHRASE_MIN_SHARE = 0.5;

/** What the proposal reads of the pack source. */
export interface PackSourceView {
  readonly id: string;
  readonly version: string;
  readonly intents: readonly { readonly id: string; readonly examples: readonly string[] }[];
  readonly articles: readonly {
    readonly articleId: string;
    readonly title: string;
    readonly aliases?: readonly string[];
  }[];
  readonly responses: readonly { readonly id: string; readonly title: string }[];
  readonly rules: readonly { readonly id: string; readonly reason: string }[];
  /** The articles' passages as the build cuts them (names the parts of the team's ranking). */
  readonly passages?: readonly SourcePassage[];
}

export interface Proposal {
  readonly pack: { readonly id: string; readonly from: string; readonly to: string };
  readonly agents: number;
  readonly conversations: number;
  readonly examples: {
    intentId: string;
    text: string;
    /** A whole example, or a phrase of the examples (when no whole one was seen often enough). */
    from: 'example' | 'phrase';
    agents: number;
    conversations: number;
  }[];
  readonly aliases: {
    articleId: string;
    words: { word: string; agents: number; uses: number; share: number }[];
  }[];
  readonly stubs: {
    slug: string;
    title: string;
    terms: string[];
    agents: number;
    conversations: number;
    examples: string[];
  }[];
  readonly rewrites: {
    replyId: string;
    title: string;
    text: string;
    agents: number;
    conversations: number;
    acceptance: number | null;
  }[];
  readonly rules: {
    ruleId: string;
    reason: string;
    dismissed: number;
    shown: number;
    agents: number;
  }[];
  /** The team's ranking (`ranking.yaml`), replacing the source's; empty leaves the file as is. */
  readonly ranking: readonly RankingProposalEntry[];
}

/** The next minor version: 1.4.2 → 1.5.0 (a pre-release or build suffix is dropped). */
export function nextMinorVersion(version: string): string {
  const [major, minor] = version.split(/[.+-]/).map(Number);
  return `${major ?? 0}.${(minor ?? 0) + 1}.0`;
}

/** A file-safe slug of `text`: `how-to-export-invoices`. */
export function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'gap'
  );
}

function proposedExamples(merged: MergedLearning, pack: PackSourceView): Proposal['examples'] {
  const known = new Map(
    pack.intents.map((i) => [i.id, new Set(i.examples.map((e) => e.toLowerCase()))]),
  );
  const isNew = (intentId: string, text: string) =>
    known.get(intentId)?.has(text.toLowerCase()) === false;
  const whole = [...merged.examples.values()]
    .filter((e) => e.devices.size >= MIN_AGENTS && isNew(e.intentId, e.text))
    .map((e) => ({ ...e, from: 'example' as const }));
  // A phrase agents' customers used mostly for this intent (not "please", said for all of them),
  // and not part of a whole example proposed beside it.
  const inWhole = new Set(
    whole.flatMap((e) => [...phrasesOf(e.text)].map((p) => `${e.intentId}\u0000${p}`)),
  );
  const phrases = [...merged.phrases.values()]
    .filter(
      (p) =>
        p.devices.size >= MIN_AGENTS &&
        isNew(p.intentId, p.phrase) &&
        !inWhole.has(`${p.intentId}\u0000${p.phrase}`) &&
        p.conversations >= PHRASE_MIN_SHARE * (merged.phraseUses.get(p.phrase) ?? 0),
    )
    .map((p) => ({ ...p, text: p.phrase, from: 'phrase' as const }));
  const byAgreement = (a: Agreed, b: Agreed) =>
    b.devices.size - a.devices.size || b.conversations - a.conversations;
  const perIntent = new Map<string, number>();
  return [...whole.sort(byAgreement), ...phrases.sort(byAgreement)]
    .filter((e) => {
      const n = perIntent.get(e.intentId) ?? 0;
      perIntent.set(e.intentId, n + 1);
      return n < MAX_NEW_EXAMPLES;
    })
    .map((e) => ({
      intentId: e.intentId,
      text: e.text,
      from: e.from,
      agents: e.devices.size,
      conversations: e.conversations,
    }));
}

function proposedAliases(merged: MergedLearning, pack: PackSourceView): Proposal['aliases'] {
  const articles = new Map(pack.articles.map((a) => [a.articleId, a]));
  const byArticle = new Map<string, Proposal['aliases'][number]['words']>();
  for (const cell of merged.articleTerms.values()) {
    if (cell.packId !== pack.id || cell.devices.size < MIN_AGENTS) continue;
    const article = articles.get(cell.articleId);
    if (!article) continue;
    // A word the title (or an alias) already says adds nothing.
    const known = new Set(analyze(`${article.title} ${(article.aliases ?? []).join(' ')}`));
    if (known.has(cell.term) || analyze(cell.word)[0] !== cell.term) continue;
    const net = cell.used - cell.dismissed;
    const share = net / Math.max(1, merged.termUses.get(cell.term) ?? 0);
    if (net <= 0 || share < ALIAS_MIN_SHARE) continue;
    const words = byArticle.get(cell.articleId) ?? [];
    words.push({
      word: cell.word,
      agents: cell.devices.size,
      uses: Math.round(net * 10) / 10,
      share: Math.round(share * 100) / 100,
    });
    byArticle.set(cell.articleId, words);
  }
  return [...byArticle]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([articleId, words]) => ({
      articleId,
      words: words.sort((a, b) => b.share - a.share || b.uses - a.uses).slice(0, MAX_ALIASES),
    }));
}

/** The proposal of `merged` for the pack source `pack`. */
export function buildProposal(merged: MergedLearning, pack: PackSourceView): Proposal {
  const titles = new Map(pack.responses.map((r) => [r.id, r.title]));
  const reasons = new Map(pack.rules.map((r) => [r.id, r.reason]));
  const slugs = new Set<string>();
  return {
    pack: { id: pack.id, from: pack.version, to: nextMinorVersion(pack.version) },
    agents: merged.devices.size,
    conversations: merged.conversations,
    examples: proposedExamples(merged, pack),
    aliases: proposedAliases(merged, pack),
    stubs: merged.gaps
      .filter((g) => g.devices.size >= MIN_AGENTS)
      .sort((a, b) => b.conversations - a.conversations)
      .map((g) => {
        let slug = slugOf(g.examples[0] ?? g.terms.join(' '));
        while (slugs.has(slug)) slug = `${slug}-2`;
        slugs.add(slug);
        return {
          slug,
          title: g.examples[0] ?? `Customers ask about: ${g.terms.join(', ')}`,
          terms: g.terms,
          agents: g.devices.size,
          conversations: g.conversations,
          examples: g.examples,
        };
      }),
    rewrites: [...merged.replies]
      .flatMap(([replyId, r]) => {
        const top = [...r.rewrites].sort((a, b) => b[1].conversations - a[1].conversations)[0];
        if (!top || !titles.has(replyId)) return [];
        return [
          {
            replyId,
            title: titles.get(replyId)!,
            text: top[0],
            agents: top[1].devices.size,
            conversations: top[1].conversations,
            acceptance:
              r.shown > 0 ? Math.round((Math.min(r.sent, r.shown) / r.shown) * 100) / 100 : null,
          },
        ];
      })
      .sort((a, b) => b.conversations - a.conversations),
    rules: [...merged.flags]
      .filter(([, f]) => f.dismissed > 0)
      .map(([ruleId, f]) => ({
        ruleId,
        reason: reasons.get(ruleId) ?? ruleId,
        dismissed: f.dismissed,
        shown: f.shown,
        agents: f.devices.size,
      }))
      .sort((a, b) => b.dismissed - a.dismissed),
    ranking: proposedRanking(merged, pack.id, pack.passages ?? []),
  };
}
