/**
 * The feedback log: what agents did with suggestions, and what the engine saw, one JSON object
 * per line in `feedback.jsonl` of the data folder. Append-only, local, redacted (the caller
 * passes redacted text; nothing else is stored), rotated within `privacy.logMaxMiB` and
 * `privacy.retentionDays` (core/rotating-log.ts). Off when `privacy.recordFeedback` is false.
 * `inloop report` reads it.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { FeedbackKindSchema, FeedbackTargetSchema } from '../../../shared/schemas/assist';
import {
  DEFAULT_LOG_LIMITS,
  readLogLines,
  RotatingLog,
  type LogLimits,
} from '../core/rotating-log';

export const FEEDBACK_FILE = 'feedback.jsonl';

const base = { at: z.number(), conversationId: z.string() };

/** One line of the log. */
export const FeedbackRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: FeedbackKindSchema,
    target: FeedbackTargetSchema,
    id: z.string(),
    text: z.string().optional(),
    /** The 0-based rank the item was shown at. */
    position: z.number().int().min(0).optional(),
  }),
  /** The agent sent a turn after copying a reply: how far it was edited. */
  z.object({
    ...base,
    kind: z.literal('edited'),
    id: z.string(),
    distance: z.number().int().min(0),
    /** distance / the longer of the two texts, 0..1 (0 = sent as is); older logs used the suggestion's length. */
    ratio: z.number().min(0),
    /** The text the agent sent (redacted). */
    text: z.string().optional(),
  }),
  /** The engine assessed a customer turn. */
  z.object({
    ...base,
    kind: z.literal('assessed'),
    turn: z.number().int().min(0),
    intentId: z.string().nullable(),
    escalations: z.array(z.string()),
    /** The redacted customer message, when the articles cover it poorly or not at all. */
    gap: z.string().optional(),
    /** Articles and canned replies shown after this turn (ids), so a report knows what was shown. */
    articles: z.array(z.string()).optional(),
    replies: z.array(z.string()).optional(),
  }),
]);
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/** Told every record as it is appended (also when recording is off: learning has its own switch). */
export type FeedbackObserver = (record: FeedbackRecord) => void;

export class FeedbackLog {
  private readonly log: RotatingLog;
  private readonly observers = new Set<FeedbackObserver>();

  constructor(
    readonly path: string,
    private readonly enabled: () => boolean,
    limits: () => LogLimits = () => DEFAULT_LOG_LIMITS,
  ) {
    this.log = new RotatingLog(path, limits);
  }

  static in(
    dataDir: string,
    enabled: () => boolean,
    limits: () => LogLimits = () => DEFAULT_LOG_LIMITS,
  ): FeedbackLog {
    return new FeedbackLog(join(dataDir, FEEDBACK_FILE), enabled, limits);
  }

  /** Calls `observer` with every record from now on; returns the function that stops it. */
  observe(observer: FeedbackObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Appends `record` (in call order) unless recording is off; resolves true when written. */
  append(record: FeedbackRecord): Promise<boolean> {
    const parsed = FeedbackRecordSchema.parse(record);
    for (const observer of this.observers) observer(parsed);
    if (!this.enabled()) return Promise.resolve(false);
    return this.log.append(JSON.stringify(parsed)).then(() => true);
  }
}

/**
 * Every valid record of the log at `path` (its rotated segments too; malformed lines
 * skipped), oldest first.
 */
export async function readFeedback(path: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for (const line of await readLogLines(path)) {
    try {
      const parsed = FeedbackRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // A torn last line (a crash mid-append) is skipped, not fatal.
    }
  }
  return records;
}
