/**
 * What the assist engine says about a conversation: the one shape the overlay panels, the
 * `assist:*` channels and `inloop assist --json` share. Outside evaluation reads the JSON form
 * of `Suggestions`: keep its field names stable (add fields, never rename).
 */
import { z } from 'zod';
import { SeveritySchema } from '../packs/pack-schemas';
import { RoleSchema, SearchHitSchema } from './knowledge';

/** Where a turn came from. */
export const TurnSourceSchema = z.enum(['typed', 'clipboard', 'ingest', 'speech']);
export type TurnSource = z.infer<typeof TurnSourceSchema>;

/** One turn of the live conversation as the services keep it (text already redacted for storage). */
export const ConversationTurnSchema = z.object({
  /** 0-based position in the conversation. */
  index: z.number().int().min(0),
  role: RoleSchema,
  text: z.string(),
  /** Milliseconds since the epoch. */
  at: z.number(),
  source: TurnSourceSchema,
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;

/** The detected intent, or null for "no intent" (below the confidence threshold). */
export const DetectedIntentSchema = z.object({
  id: z.string(),
  confidence: z.number().min(0).max(1),
  /** The pack's description of the intent, for the UI. */
  description: z.string().optional(),
  packId: z.string().optional(),
});

export const SentimentSchema = z.object({
  /** The latest customer turn, -1 (very negative) .. 1 (very positive). */
  score: z.number().min(-1).max(1),
  trend: z.enum(['improving', 'steady', 'worsening']),
  /** One score per customer turn, oldest first. */
  history: z.array(z.number()).optional(),
});

/** One escalation flag: why, how serious, and the turn (index) that raised it. */
export const EscalationFlagSchema = z.object({
  reason: z.string(),
  severity: SeveritySchema,
  turn: z.number().int().min(0),
  /** The pack rule or built-in trigger id. */
  ruleId: z.string().optional(),
});
export type EscalationFlag = z.infer<typeof EscalationFlagSchema>;

export const ReplySourceSchema = z.enum(['canned', 'snippet', 'generated']);

/** A reply the agent may copy: a canned reply filled in, a grounded snippet, or a generated one. */
export const ReplySuggestionSchema = z.object({
  /** The canned reply's id; absent for snippets and generated replies. */
  id: z.string().optional(),
  text: z.string(),
  source: ReplySourceSchema,
  title: z.string().optional(),
  /** Placeholders left blank because the conversation does not tell them, e.g. ["order_id"]. */
  missing: z.array(z.string()).optional(),
  /** Articles the text rests on (snippets and generated replies). */
  citations: z
    .array(z.object({ articleId: z.string(), title: z.string(), packId: z.string() }))
    .optional(),
});
export type ReplySuggestion = z.infer<typeof ReplySuggestionSchema>;

/** One step of the detected intent's playbook. */
export const NextActionStateSchema = z.object({
  id: z.string(),
  text: z.string(),
  done: z.boolean(),
  /** Who ticked it: the engine (from the agent's turns) or the agent. */
  by: z.enum(['engine', 'agent']).optional(),
});
export type NextActionState = z.infer<typeof NextActionStateSchema>;

export const EntitySchema = z.object({
  kind: z.enum(['name', 'order', 'account', 'email', 'phone', 'date', 'amount', 'other']),
  value: z.string(),
  turn: z.number().int().min(0),
});
export type Entity = z.infer<typeof EntitySchema>;

/** The live gist, and at handoff the structured summary. */
export const SummarySchema = z.object({
  gist: z.string(),
  customer: z.string().nullable().optional(),
  intent: z.string().nullable().optional(),
  /** The issue in the customer's own key sentences. */
  issue: z.array(z.string()).optional(),
  entities: z.array(EntitySchema).optional(),
  actionsTaken: z.array(z.string()).optional(),
  articlesUsed: z.array(z.string()).optional(),
  repliesUsed: z.array(z.string()).optional(),
  resolution: z.enum(['resolved', 'unresolved', 'escalated', 'unknown']).optional(),
  sentimentTrend: z.string().optional(),
  escalationReasons: z.array(z.string()).optional(),
  followUps: z.array(z.string()).optional(),
});
export type Summary = z.infer<typeof SummarySchema>;

/** Everything the engine suggests for a conversation at one moment. */
export const SuggestionsSchema = z.object({
  intent: DetectedIntentSchema.nullable(),
  sentiment: SentimentSchema,
  escalation: z.array(EscalationFlagSchema),
  articles: z.array(SearchHitSchema),
  replies: z.array(ReplySuggestionSchema),
  nextActions: z.array(NextActionStateSchema),
  summary: SummarySchema,
  /** Milliseconds the engine took for this update. */
  ms: z.number(),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;

// ── The live conversation and the assist channels (electron/services/assist) ──

/** One conversation as the service keeps it: turns already redacted. */
export const ConversationSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  /** Set when the conversation ended (explicitly or on the idle timeout). */
  endedAt: z.number().nullable(),
  endReason: z.enum(['agent', 'idle']).nullable(),
  turns: z.array(ConversationTurnSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A streamed generated reply: its text so far and where it stands. */
export const GenerationStateSchema = z.object({
  conversationId: z.string(),
  status: z.enum(['streaming', 'done', 'cancelled', 'failed']),
  text: z.string(),
  /** Why it failed, for the UI. */
  error: z.string().optional(),
  citations: ReplySuggestionSchema.shape.citations,
});
export type GenerationState = z.infer<typeof GenerationStateSchema>;

/** What `assist:updated` carries and `assist:get-state` answers. */
export const AssistStateSchema = z.object({
  conversation: ConversationSchema.nullable(),
  /** The suggestions for the latest customer turn; null before the first one. */
  suggestions: SuggestionsSchema.nullable(),
  /** Grows with every recompute; a UI drops an update older than the one it shows. */
  seq: z.number().int().min(0),
  /** The structured handoff summary, once asked for or at the end. */
  handoff: SummarySchema.nullable(),
  generation: GenerationStateSchema.nullable(),
});
export type AssistState = z.infer<typeof AssistStateSchema>;

const TurnTextSchema = z.string().trim().min(1, 'the turn has no text').max(20_000);

/** `assist:add-turn`: a turn the agent typed or pasted. */
export const AddTurnRequestSchema = z.object({ role: RoleSchema, text: TurnTextSchema }).strict();

/** `POST /v1/turns` of the ingest endpoint. */
export const IngestTurnSchema = z
  .object({
    role: RoleSchema,
    text: TurnTextSchema,
    conversationId: z.string().max(200).optional(),
  })
  .strict();

/** `assist:set-step`: the agent ticks or unticks a step of the checklist. */
export const SetStepRequestSchema = z
  .object({ stepId: z.string().min(1).max(128), done: z.boolean() })
  .strict();

export const FeedbackKindSchema = z.enum([
  'displayed',
  'clicked',
  'copied',
  'inserted',
  'thumbs-up',
  'thumbs-down',
]);
export type FeedbackKind = z.infer<typeof FeedbackKindSchema>;

/** `assist:feedback`: what the agent did with a suggestion. */
export const FeedbackRequestSchema = z
  .object({
    kind: FeedbackKindSchema,
    target: z.enum(['reply', 'article']),
    /** The canned reply id, the article id, or `snippet:<articleId>` / `generated`. */
    id: z.string().min(1).max(400),
    /** The suggestion's text as shown (redacted before it is stored). */
    text: z.string().max(20_000).optional(),
  })
  .strict();
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

export const HandoffSchema = z.object({ summary: SummarySchema, text: z.string() });

/** Where the ingest endpoint listens and where its token is kept (never the token itself). */
export const IngestInfoSchema = z.object({
  url: z.string().nullable(),
  tokenStorage: z.enum(['keychain', 'file']).nullable(),
  /** Why the endpoint is not running, when it is not. */
  reason: z.string().nullable(),
});
export type IngestInfo = z.infer<typeof IngestInfoSchema>;
