/**
 * What the assist engine says about a conversation: the one shape the overlay panels, the
 * `assist:*` channels and `inloop assist --json` share. Outside evaluation reads the JSON form
 * of `Assist`: keep its field names stable (add fields, never rename).
 */
import { z } from 'zod';
import { SeveritySchema } from '../packs/pack-schemas';
import { RoleSchema, SearchHitSchema } from './knowledge';

/** Where a turn came from. */
export const TurnSourceSchema = z.enum(['typed', 'clipboard', 'ingest', 'speech']);

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
export const AssistSchema = z.object({
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
export type Assist = z.infer<typeof AssistSchema>;
