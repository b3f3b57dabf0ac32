/**
 * What retrieval returns across every boundary: the UI's knowledge cards, `inloop search
 * --json`, and the assist engine's cited articles. Outside evaluation reads the JSON form of
 * `SearchHit`: keep its field names stable.
 */
import { z } from 'zod';
import { MAX_PASSAGE_CHARS, PackIdSchema, SemverSchema } from '../packs/pack-schemas';

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

/** One installed version of a pack on this device. */
export const InstalledVersionSchema = z.object({
  id: PackIdSchema,
  version: SemverSchema,
  name: z.string(),
  publisher: z.string(),
  description: z.string(),
  /** Key id of the trusted publisher key that signed it; null for an allowed unsigned pack. */
  signerKeyId: z.string().nullable(),
  installedAt: z.string(),
  counts: z.object({
    articles: z.number(),
    passages: z.number(),
    responses: z.number(),
    intents: z.number(),
    rules: z.number(),
  }),
  /** The model whose vectors the installed index holds; null in lexical-only packs. */
  embeddingModel: z.string().nullable(),
  /** Folder under `packs/` holding this version's files. */
  folder: z.string().regex(/^[a-z0-9._-]+\/[A-Za-z0-9.+_-]+$/),
});
export type InstalledVersion = z.infer<typeof InstalledVersionSchema>;

/** An installed pack: the version in use and the one a rollback returns to. */
export const InstalledPackSchema = z.object({
  current: InstalledVersionSchema,
  previous: InstalledVersionSchema.nullable(),
});
export type InstalledPack = z.infer<typeof InstalledPackSchema>;

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

/** The largest `.inloop` file this app reads (the pack format's limit, compressed bytes). */
export const MAX_PACK_FILE_BYTES = 512 * 1024 * 1024;
/** Bytes per `packs:upload-chunk`: as base64 it stays well under one API message (1 MiB). */
export const PACK_UPLOAD_CHUNK_BYTES = 256 * 1024;

export const UploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not an upload id');

/** `packs:upload-begin`: a picked file about to be sent in chunks (the screen has no path). */
export const PackUploadBeginSchema = z
  .object({
    fileName: z.string().min(1).max(255),
    size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export const PackUploadBegunSchema = z.object({ uploadId: UploadIdSchema });

/** `packs:upload-chunk`: the next bytes of an upload, at the offset received so far. */
export const PackUploadChunkSchema = z
  .object({
    uploadId: UploadIdSchema,
    offset: z.number().int().min(0).max(MAX_PACK_FILE_BYTES),
    bytesBase64: z
      .base64()
      .min(4)
      .max(Math.ceil(PACK_UPLOAD_CHUNK_BYTES / 3) * 4),
  })
  .strict();
export const PackUploadReceivedSchema = z.object({ received: z.number().int().min(0) });

/** `packs:install`: a path on this machine (CLI, Electron) or a finished upload (the screen). */
export const PackInstallRequestSchema = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ uploadId: UploadIdSchema }).strict(),
]);
