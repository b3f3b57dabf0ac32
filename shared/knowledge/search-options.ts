/**
 * The knobs of the search pipeline, the textbook starting values and the tuned defaults.
 */
import type { FieldSpec } from './bm25';
import type { ConversationQueryOptions } from './conversation-query';

/** Every knob of the pipeline; `DEFAULT_SEARCH` holds the tuned values. */
export interface SearchOptions {
  /** Recency-weighted query used to score passages. */
  readonly passageQuery: ConversationQueryOptions;
  /** Flatter query used to score whole articles. */
  readonly articleQuery: ConversationQueryOptions;
  readonly k1: number;
  /** Passage fields in `PASSAGE_FIELD` order: body, bigram, section, title. */
  readonly passageFields: readonly FieldSpec[];
  /** Article fields in `ARTICLE_FIELD` order: body, title. */
  readonly articleFields: readonly FieldSpec[];
  /** Weight of the article's normalised score added to each passage's (0 = passages alone). */
  readonly articleWeight: number;
  /** Query expansion (RM3 pseudo-relevance feedback) from the best `docs` passages (docs 0 = off). */
  readonly expansion: { readonly docs: number; readonly terms: number; readonly weight: number };
  /** MMR penalty for text shared with a passage already listed (0 = off). */
  readonly diversity: number;
  /** Bonus for the share of the query covered within `window` terms (weight 0 = off). */
  readonly proximity: { readonly weight: number; readonly window: number };
  /** Replace unknown query terms by a known term one edit away. */
  readonly correctTypos: boolean;
  /** How many top passages diversity chooses among. */
  readonly pool: number;
}

/** Untuned starting point: every component on with textbook values. */
export const TEXTBOOK_SEARCH: SearchOptions = {
  passageQuery: { decay: 0.5, agentWeight: 0.5, bigramWeight: 0.5, maxTurns: Infinity },
  articleQuery: { decay: 0.9, agentWeight: 0.7, bigramWeight: 0, maxTurns: Infinity },
  k1: 1.2,
  passageFields: [
    { weight: 1, b: 0.75 },
    { weight: 1, b: 0.75 },
    { weight: 2, b: 0 },
    { weight: 1, b: 0 },
  ],
  articleFields: [
    { weight: 1, b: 0.75 },
    { weight: 3, b: 0 },
  ],
  articleWeight: 1,
  expansion: { docs: 0, terms: 10, weight: 0.3 },
  diversity: 0.5,
  pool: 30,
  proximity: { weight: 0, window: 12 },
  correctTypos: true,
};

/**
 * The tuned pipeline (tuned on the first half of doc2dial-dev dialogues, see eval/): five values
 * differ from the textbook ones above: passage-query decay 0.4 and agent weight 0.35, a flat
 * article query (decay 1), article weight 2 and k1 2.
 */
export const DEFAULT_SEARCH: SearchOptions = {
  ...TEXTBOOK_SEARCH,
  passageQuery: { ...TEXTBOOK_SEARCH.passageQuery, decay: 0.4, agentWeight: 0.35 },
  articleQuery: { ...TEXTBOOK_SEARCH.articleQuery, decay: 1 },
  k1: 2,
  articleWeight: 2,
};
