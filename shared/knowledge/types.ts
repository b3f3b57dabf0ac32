/**
 * The domain words of retrieval: an article of a knowledge pack, the card-sized passages cut
 * from it, a turn of the live conversation, and a ranked passage.
 */

/** One knowledge article as it comes from a pack. */
export interface Article {
  readonly articleId: string;
  readonly title: string;
  readonly text: string;
  /** Other words for the article, searched as part of its title. */
  readonly aliases?: readonly string[];
}

/**
 * A card-sized piece of an article. `text` (at most the chunker's limit, 600 characters by
 * default) is what the agent sees; `title` and `sectionPath` are context used for scoring.
 */
export interface Passage {
  readonly passageId: string;
  readonly articleId: string;
  readonly title: string;
  /** The article's aliases, searched as part of the title. */
  readonly aliases?: readonly string[];
  /** Headings from the outermost to the one the passage sits under; may be empty. */
  readonly sectionPath: readonly string[];
  readonly text: string;
  /** Offsets of `text` in the article text (end exclusive). */
  readonly start: number;
  readonly end: number;
}

/** Who spoke a turn. */
export type Role = 'customer' | 'agent';

/** One turn of the conversation, oldest first in a list. */
export interface Turn {
  readonly role: Role;
  readonly text: string;
}

/** A passage with the score that ranked it (higher is better). */
export interface ScoredPassage {
  readonly passage: Passage;
  readonly score: number;
}
