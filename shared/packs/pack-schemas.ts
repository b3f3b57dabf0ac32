/**
 * Knowledge packs: what a team lead's source folder parses into, and what a built
 * `.inloop` pack file carries. One place for these shapes: the builder, the reader,
 * the installer and the search index all use them.
 */
import { z } from 'zod';

/** Pack ids are file-system and URL safe: they name folders on every agent's machine. */
export const PackIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'use 1-64 lower-case letters, digits, dot, dash, underscore',
  )
  .superRefine((id, ctx) => {
    const why = reservedPackId(id);
    if (why) ctx.addIssue({ code: 'custom', message: `pack id '${id}' is reserved (${why})` });
  });

/** The pack store's own names in `<data>/packs/` and beside it. */
const STORE_NAMES = new Set(['registry.json', 'uploads']);
/** Names Windows gives to devices, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/;

/**
 * Why `id` cannot name a pack (it names a folder in the data folder and a registry key), or
 * null when it can.
 */
export function reservedPackId(id: string): string | null {
  if (STORE_NAMES.has(id)) return 'the pack store uses that name';
  if (WINDOWS_DEVICE.test(id)) return 'Windows reserves that name for a device';
  if (id.endsWith('.')) return 'Windows drops a trailing dot from folder names';
  if (id === 'prototype' || Object.hasOwn(Object.prototype, id)) {
    return 'it is the name of an object property';
  }
  return null;
}

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
export const SemverSchema = z.string().regex(semver, 'a semantic version such as 1.4.0');

/** `pack.yaml`. */
export const PackMetaSchema = z
  .object({
    id: PackIdSchema,
    name: z.string().min(1).max(200),
    version: SemverSchema,
    publisher: z.string().min(1).max(200),
    description: z.string().max(2000).default(''),
    language: z.string().min(2).max(35).default('en'),
  })
  .strict();
export type PackMeta = z.infer<typeof PackMetaSchema>;

/** An article id is its path under `articles/` without the extension: `billing/refunds`. */
export const ArticleIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^/\\\0][^\\\0]*$/, 'a relative path')
  .refine((id) => !id.split('/').some((part) => part === '..' || part === '.' || part === ''), {
    message: 'no empty, . or .. path segments',
  });

/** A structural block of an article, in reading order; the chunker packs blocks into passages. */
export type ArticleBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list-item'; depth: number; ordered: boolean; text: string }
  | { kind: 'code'; text: string };

export const ArticleBlockSchema: z.ZodType<ArticleBlock> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.number().int().min(1).max(6), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({
    kind: z.literal('list-item'),
    depth: z.number().int().min(0).max(10),
    ordered: z.boolean(),
    text: z.string(),
  }),
  z.object({ kind: z.literal('code'), text: z.string() }),
]);

export const ArticleSchema = z.object({
  articleId: ArticleIdSchema,
  title: z.string().min(1).max(500),
  url: z.url().optional(),
  tags: z.array(z.string().max(100)).max(100).default([]),
  /** Other words for the article (front matter `aliases`): search reads them with the title. */
  aliases: z.array(z.string().max(100)).max(100).optional(),
  updated: z.string().max(40).optional(),
  blocks: z.array(ArticleBlockSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

/** The unit of retrieval: card-sized text with the article and section it came from. */
export const MAX_PASSAGE_CHARS = 600;
export const PassageSchema = z.object({
  /** `<articleId>#<ordinal>`, unique within a pack. */
  id: z.string().min(1).max(320),
  articleId: ArticleIdSchema,
  title: z.string(),
  /** Heading path from the article's top, e.g. ["Refunds", "Card payments"]. */
  section: z.array(z.string()),
  text: z.string().min(1).max(MAX_PASSAGE_CHARS),
  /** Offsets of `text` in the article's text (`articleText`, end exclusive). */
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});
export type Passage = z.infer<typeof PassageSchema>;

const LocalIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'letters, digits, dot, dash, underscore, colon');

/** `responses.yaml`: canned replies (macros) with `{{placeholders}}`. */
export const ResponseSchema = z
  .object({
    id: LocalIdSchema,
    title: z.string().min(1).max(200),
    text: z.string().min(1).max(5000),
    intents: z.array(LocalIdSchema).default([]),
    tags: z.array(z.string().max(100)).default([]),
  })
  .strict();
export type CannedResponse = z.infer<typeof ResponseSchema>;

export const NextActionSchema = z
  .object({ id: LocalIdSchema, text: z.string().min(1).max(500) })
  .strict();

/** `intents.yaml`. */
export const IntentSchema = z
  .object({
    id: LocalIdSchema,
    /** A short human label for the agent's screen, e.g. "Change address" (else made from the id). */
    label: z.string().min(1).max(120).optional(),
    description: z.string().min(1).max(500),
    examples: z.array(z.string().min(1).max(500)).min(1).max(2000),
    nextActions: z.array(NextActionSchema).default([]),
    responses: z.array(LocalIdSchema).default([]),
    articles: z.array(ArticleIdSchema).default([]),
    /** When set, detecting this intent raises an escalation flag with this reason. */
    escalate: z.string().min(1).max(300).optional(),
  })
  .strict();
export type Intent = z.infer<typeof IntentSchema>;

export const SeveritySchema = z.enum(['low', 'medium', 'high']);

/** `rules.yaml`: escalation triggers. At least one trigger per rule. */
export const RuleSchema = z
  .object({
    id: LocalIdSchema,
    reason: z.string().min(1).max(300),
    severity: SeveritySchema,
    phrases: z.array(z.string().min(1).max(200)).default([]),
    intents: z.array(LocalIdSchema).default([]),
    /** Fire when a customer turn's sentiment falls to or below this score (-1..1). */
    sentimentBelow: z.number().min(-1).max(1).optional(),
  })
  .strict()
  .refine((r) => r.phrases.length > 0 || r.intents.length > 0 || r.sentimentBelow !== undefined, {
    message: 'a rule needs phrases, intents or sentimentBelow',
  });
export type EscalationRule = z.infer<typeof RuleSchema>;

/**
 * `ranking.yaml`: the team's ranking, written by `inloop learn merge` from agents' bundles:
 * how often agents used (or dismissed) an article, and which part of it (`part`: the start of
 * the passage's text), when the customer said `word`. Counts, never conversations.
 */
export const RankingEntrySchema = z
  .object({
    word: z.string().min(1).max(60),
    article: ArticleIdSchema,
    part: z.string().min(1).max(200).optional(),
    used: z.number().min(0).max(1e9),
    dismissed: z.number().min(0).max(1e9).default(0),
    /** How many agents' bundles the counts came from (for the reviewer; the build ignores it). */
    agents: z.number().int().min(0).optional(),
  })
  .strict();
export type RankingEntry = z.infer<typeof RankingEntrySchema>;

/**
 * How a ranking entry's `part` is compared with a passage's text: whitespace runs as one space,
 * trimmed, so a quote survives re-wrapping. `inloop learn merge` quotes with it and the build
 * resolves with it.
 */
export const normalizeQuote = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A ranking entry as a built pack carries it (`content/ranking.json`): the part as a passage id. */
export const PackRankingRowSchema = z
  .object({
    word: z.string().min(1).max(60),
    articleId: ArticleIdSchema,
    /** `<articleId>#<n>`, a passage of the pack; absent for the article as a whole. */
    passageId: z.string().min(1).max(320).optional(),
    used: z.number().min(0).max(1e9),
    dismissed: z.number().min(0).max(1e9),
  })
  .strict();
export type PackRankingRow = z.infer<typeof PackRankingRowSchema>;

/** Everything a pack source folder parses into, before chunking and embedding. */
export interface PackSource {
  meta: PackMeta;
  articles: Article[];
  responses: CannedResponse[];
  intents: Intent[];
  rules: EscalationRule[];
  /** `ranking.yaml` (empty when the source has none). */
  ranking: RankingEntry[];
}

/** One problem in a pack source, located so a team lead can fix it. */
export interface PackProblem {
  file: string;
  line?: number;
  message: string;
}

/** The manifest at the head of a built pack file; the signature covers its exact bytes. */
export const PACK_FORMAT = 1;
export const PackEntrySchema = z
  .object({
    path: z.string().regex(/^[a-z0-9][a-z0-9/_.-]{0,127}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().nonnegative(),
  })
  .strict();
export type PackEntry = z.infer<typeof PackEntrySchema>;

export const PackManifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    pack: PackMetaSchema,
    createdAt: z.string(),
    counts: z
      .object({
        articles: z.number().int().nonnegative(),
        passages: z.number().int().nonnegative(),
        responses: z.number().int().nonnegative(),
        intents: z.number().int().nonnegative(),
        rules: z.number().int().nonnegative(),
      })
      .strict(),
    embedding: z
      .object({ model: z.string().min(1).max(200), dimension: z.number().int().min(1).max(4096) })
      .strict()
      .nullable(),
    entries: z.array(PackEntrySchema).max(64),
  })
  .strict();
export type PackManifest = z.infer<typeof PackManifestSchema>;
