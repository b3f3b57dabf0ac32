/**
 * What closing the loop crosses: the `learning` settings, the learned state file of the data
 * folder, what Settings → Learning shows, the team bundle a device exports (one JSON object per
 * line) and the team report built from a folder of bundles. Every text here is redacted.
 */
import { z } from 'zod';

const learningFields = {
  /** Learn from the agent's decisions on this device (off: nothing is learned or applied). */
  enabled: z.boolean(),
  /** Allow `inloop learn export` to write a team bundle. */
  allowExport: z.boolean(),
  /** The only folder an export may be written to (managed policy); empty: any folder. */
  exportFolder: z.string().trim().max(1000),
  /** A free-text query or example leaves the device only when seen in this many conversations. */
  k: z.number().int().min(2).max(100),
};

/** `settings.learning`: on by default; nothing leaves the device unless `allowExport`. */
export const LearningSettingsSchema = z.object({
  enabled: learningFields.enabled.default(true),
  allowExport: learningFields.allowExport.default(false),
  exportFolder: learningFields.exportFolder.default(''),
  k: learningFields.k.default(3),
});
export type LearningSettings = z.infer<typeof LearningSettingsSchema>;

/** A partial update of `settings.learning` (no defaults: an absent field stays as it is). */
export const LearningSettingsPatchSchema = z.object(learningFields).partial();

export const defaultLearningSettings: LearningSettings = {
  enabled: true,
  allowExport: false,
  exportFolder: '',
  k: 3,
};

// ── The learned state file (`learned.json` in the data folder) ──

const count = z.number().min(0);
const int = z.number().int().min(0);

/** Uses and dismissals of one article under one term or intent: [article, used, dismissed]. */
const PriorCellSchema = z.tuple([int, count, count]);

/** Uses and dismissals of one passage (by text fingerprint): [fingerprint, used, dismissed]. */
const PassageCellSchema = z.tuple([z.string().min(1).max(16), count, count]);

/**
 * One term's (or intent's) learned article preferences: [key, weight, conversations, cells,
 * word, passages] (`word`: the customers' word the stemmed term came from, '' for intents;
 * `passages`: the same decisions per passage, absent in files from before passages were learned).
 */
const PriorRowSchema = z.tuple([
  z.string(),
  count,
  int,
  z.array(PriorCellSchema),
  z.string(),
  z.array(PassageCellSchema).optional(),
]);

/** A redacted text seen in `c` conversations, last at `at` (ms since the epoch). */
const SeenTextSchema = z.object({ text: z.string().max(2000), c: int, at: z.number() });

/** One day's counts for one set of installed pack versions. */
export const DayCountsSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** `id@version` of each installed pack. */
  packs: z.array(z.string()),
  conversations: int,
  escalated: int,
  replyShown: int,
  replySent: int,
  articleShown: int,
  articleUsed: int,
});
export type DayCounts = z.infer<typeof DayCountsSchema>;

export const LearnedStateFileSchema = z.object({
  format: z.literal(1),
  /** A random id of this device's learning, so merged bundles can count agents. */
  device: z.string().min(1).max(64).optional(),
  updatedAt: z.number(),
  events: int,
  conversations: int,
  /** Article table: [packId, articleId]; priors refer to articles by position here. */
  articles: z.array(z.tuple([z.string(), z.string()])),
  terms: z.array(PriorRowSchema),
  intentPriors: z.array(PriorRowSchema),
  /** The questions used cards answered: [terms, passage fingerprint, at]; absent before. */
  answers: z
    .array(z.tuple([z.array(z.string().max(100)).max(32), z.string().min(1).max(16), z.number()]))
    .optional(),
  examples: z.array(z.tuple([z.string(), z.array(SeenTextSchema)])),
  /** [engine intent or '', picked intent or '', conversations]. */
  corrections: z.array(z.tuple([z.string(), z.string(), int])),
  replies: z.array(
    z.object({
      id: z.string(),
      shown: int,
      copied: int,
      sent: int,
      rewrites: z.array(SeenTextSchema),
    }),
  ),
  flags: z.array(z.object({ ruleId: z.string(), shown: int, dismissed: int })),
  reasons: z.array(z.tuple([z.string(), int])),
  gaps: z.array(SeenTextSchema),
  days: z.array(DayCountsSchema),
});
export type LearnedStateFile = z.infer<typeof LearnedStateFileSchema>;

// ── What Settings → Learning shows (`learning:status`, `learning:changed`) ──

export const LearningSummarySchema = z.object({
  enabled: z.boolean(),
  allowExport: z.boolean(),
  /** Decisions learned from, and the conversations they came from. */
  events: int,
  conversations: int,
  counts: z.object({
    /** Intent examples from picks and corrections. */
    intentExamples: int,
    /** Articles with a learned prior (used or dismissed). */
    articles: int,
    /** Customer questions remembered with the passage that answered them. */
    questions: int,
    /** Canned replies with learned acceptance. */
    replies: int,
    /** Replies offered as the agents' common rewrite. */
    rewrites: int,
    /** Escalation rules with a lowered weight on this device. */
    flags: int,
  }),
  /** Size of the learned state on disk, bytes. */
  bytes: int,
  updatedAt: z.number().nullable(),
});
export type LearningSummary = z.infer<typeof LearningSummarySchema>;

// ── The team bundle (`inloop learn export`): counts, never conversations ──

const BundleMetaSchema = z.object({
  kind: z.literal('meta'),
  format: z.literal(1),
  /** A random id per device, so merged counts can say how many agents agreed. */
  device: z.string().min(1).max(64),
  exportedAt: z.string(),
  since: z.string().nullable(),
  k: int,
  conversations: int,
  events: int,
});

export const BundleLineSchema = z.discriminatedUnion('kind', [
  BundleMetaSchema,
  DayCountsSchema.extend({ kind: z.literal('day') }),
  z.object({ kind: z.literal('reason'), reason: z.string(), conversations: int }),
  z.object({
    kind: z.literal('article-term'),
    packId: z.string(),
    articleId: z.string(),
    term: z.string(),
    /** The word agents' customers used (the term is its stem). */
    word: z.string(),
    used: count,
    dismissed: count,
    conversations: int,
  }),
  z.object({
    /** Which part (the fingerprint of the passage's text) answered under the term. */
    kind: z.literal('passage-term'),
    passage: z.string(),
    term: z.string(),
    used: count,
    dismissed: count,
  }),
  z.object({
    kind: z.literal('article-intent'),
    packId: z.string(),
    articleId: z.string(),
    intentId: z.string(),
    used: count,
    dismissed: count,
  }),
  z.object({
    kind: z.literal('intent-example'),
    intentId: z.string(),
    text: z.string().max(500),
    conversations: int,
  }),
  z.object({
    /** A phrase of an intent's learned examples said in at least k conversations. */
    kind: z.literal('intent-phrase'),
    intentId: z.string(),
    phrase: z.string().min(1).max(200),
    conversations: int,
  }),
  z.object({
    kind: z.literal('correction'),
    from: z.string().nullable(),
    to: z.string().nullable(),
    conversations: int,
  }),
  z.object({
    kind: z.literal('reply'),
    replyId: z.string(),
    shown: int,
    copied: int,
    sent: int,
    rewrite: z.object({ text: z.string().max(2000), conversations: int }).nullable(),
  }),
  z.object({ kind: z.literal('flag'), ruleId: z.string(), shown: int, dismissed: int }),
  z.object({
    kind: z.literal('gap'),
    terms: z.array(z.string()),
    conversations: int,
    examples: z.array(z.string().max(500)),
  }),
]);
export type BundleLine = z.infer<typeof BundleLineSchema>;
export type BundleMeta = z.infer<typeof BundleMetaSchema>;

// ── The team report (`inloop report --from <dir>`, the Team view) ──

const rate = z.number().min(0).max(1).nullable();

export const TeamReportSchema = z.object({
  /** Bundle files read, devices (agents) they came from, conversations they cover. */
  bundles: int,
  devices: int,
  conversations: int,
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  acceptance: z.object({
    /** Replies sent (as offered or lightly edited) / replies shown, per conversation. */
    overall: rate,
    byDay: z.array(z.object({ date: z.string(), shown: int, sent: int, rate })),
    byPackVersion: z.array(z.object({ pack: z.string(), shown: int, sent: int, rate })),
  }),
  escalation: z.object({
    conversations: int,
    rate,
    byDay: z.array(z.object({ date: z.string(), conversations: int, escalated: int, rate })),
    reasons: z.array(z.object({ reason: z.string(), count: int })),
  }),
  gaps: z.array(
    z.object({ terms: z.array(z.string()), conversations: int, examples: z.array(z.string()) }),
  ),
  corrections: z.array(
    z.object({ from: z.string().nullable(), to: z.string().nullable(), count: int }),
  ),
  replies: z.array(
    z.object({ id: z.string(), shown: int, sent: int, rate, rewrite: z.string().nullable() }),
  ),
  flags: z.array(z.object({ ruleId: z.string(), shown: int, dismissed: int, rate })),
  /** Files in the folder that were not bundles, with why. */
  skipped: z.array(z.object({ file: z.string(), problem: z.string() })),
});
export type TeamReport = z.infer<typeof TeamReportSchema>;

/** `learning:team-report`: the folder of bundles the lead picked. */
export const TeamReportRequestSchema = z
  .object({ dir: z.string().trim().min(1).max(4096) })
  .strict();
