/**
 * What retrieval returns across every boundary: the UI's knowledge cards, `inloop search
 * --json`, and the assist engine's cited articles. Outside evaluation reads the JSON form of
 * `SearchHit`: keep its field names stable.
 */
import { z } from 'zod';
import { MAX_PASSAGE_CHARS } from '../packs/pack-schemas';

/** A speaker role in a conversation. */
export const RoleSchema = z.enum(['customer', 'agent']);
export type Role = z.infer<typeof RoleSchema>;

/** One turn as a search or assist query takes it (oldest first in a list). */
export const QueryTurnSchema = z.object({
  role: RoleSchema,
  text: z.string().max(20_000),
});
export type QueryTurn = z.infer<typeof QueryTurnSchema>;

/** A character range of `passage` that matched the query, for highlighting (end exclusive). */
export const HighlightSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

/** One knowledge card: the passage, where it came from, and why it ranked. */
export const SearchHitSchema = z.object({
  articleId: z.string(),
  title: z.string(),
  packId: z.string(),
  /** The text the card shows: at most 600 characters. */
  passage: z.string().max(MAX_PASSAGE_CHARS),
  /** Higher is better; the best hit of a list has 1. */
  score: z.number(),
  /** The article in the helpdesk, when the pack gives one. */
  url: z.string().optional(),
  /** Heading path of the passage inside its article. */
  section: z.array(z.string()).optional(),
  /** Matched-term ranges of `passage`. */
  highlights: z.array(HighlightSchema).optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** How the index answered: hybrid (lexical + vectors) or lexical only, and why. */
export const RetrievalModeSchema = z.object({
  mode: z.enum(['hybrid', 'lexical']),
  /** Why the mode is lexical (no model, INLOOP_EMBED_MODEL=none, ...); null when hybrid. */
  reason: z.string().nullable(),
  embeddingModel: z.string().nullable(),
});
export type RetrievalMode = z.infer<typeof RetrievalModeSchema>;

/** `knowledge:search`: free text from the search box, or the conversation so far. */
export const SearchRequestSchema = z
  .object({
    query: z.string().max(2000).optional(),
    turns: z.array(QueryTurnSchema).max(500).optional(),
    k: z.number().int().min(1).max(50).optional(),
  })
  .strict()
  .refine((r) => r.query !== undefined || (r.turns?.length ?? 0) > 0, {
    message: 'give a query or at least one turn',
  });

export const SearchResponseSchema = z.object({
  hits: z.array(SearchHitSchema),
  mode: RetrievalModeSchema,
  ms: z.number(),
});

/** What the knowledge panel and `inloop doctor` show about the index. */
export const KnowledgeStatusSchema = z.object({
  mode: RetrievalModeSchema,
  packs: z.number().int().min(0),
  passages: z.number().int().min(0),
});
