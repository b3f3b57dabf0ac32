/**
 * The team's ranking (`ranking.yaml`) resolved against the passages the build cut: a `part`
 * (the start of a passage's text, as `inloop learn merge` quoted it) becomes that passage's id.
 * An entry whose article is gone, or whose part no passage of the article starts with any more
 * (the lead rewrote it), is dropped with a warning: the rest of the ranking still applies.
 */
import {
  normalizeQuote,
  type PackProblem,
  type PackRankingRow,
  type Passage,
  type RankingEntry,
} from '../../../../shared/packs/pack-schemas';

const FILE = 'ranking.yaml';

/** The rows a built pack carries, and what was dropped. */
export function resolveRanking(
  entries: readonly RankingEntry[],
  passages: readonly Passage[],
): { rows: PackRankingRow[]; warnings: PackProblem[] } {
  const byArticle = new Map<string, Passage[]>();
  for (const p of passages) {
    const own = byArticle.get(p.articleId);
    if (own) own.push(p);
    else byArticle.set(p.articleId, [p]);
  }
  const rows: PackRankingRow[] = [];
  const warnings: PackProblem[] = [];
  entries.forEach((entry, i) => {
    const own = byArticle.get(entry.article);
    const where = `entry ${i + 1} (word "${entry.word}", article ${entry.article})`;
    if (!own) {
      warnings.push({ file: FILE, message: `${where}: the article is not in the pack; ignored` });
      return;
    }
    const base = {
      word: entry.word,
      articleId: entry.article,
      used: entry.used,
      dismissed: entry.dismissed,
    };
    if (entry.part === undefined) {
      rows.push(base);
      return;
    }
    const quote = normalizeQuote(entry.part);
    const passage = own.find((p) => normalizeQuote(p.text).startsWith(quote));
    if (!passage) {
      warnings.push({
        file: FILE,
        message: `${where}: no part of the article starts with "${quote}" any more; ignored`,
      });
      return;
    }
    rows.push({ ...base, passageId: passage.id });
  });
  return { rows, warnings };
}
