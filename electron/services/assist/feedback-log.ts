/**
 * The feedback log: what agents did with suggestions, and what the engine saw, one JSON object
 * per line in `feedback.jsonl` of the data folder. Append-only, local, redacted (the caller
 * passes redacted text; nothing else is stored), rotated within `privacy.logMaxMiB` and
 * `privacy.retentionDays` (core/rotating-log.ts). Off when `privacy.recordFeedback` is false.
 * `inloop report` reads it.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { FeedbackKindSchema } from '../../../shared/schemas/assist';
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
    target: z.enum(['reply', 'article']),
    id: z.string(),
    text: z.string().optional(),
  }),
  /** The agent sent a turn after copying a reply: how far it was edited. */
  z.object({
    ...base,
    kind: z.literal('edited'),
    id: z.string(),
    distance: z.number().int().min(0),
    /** distance / length of the suggestion (0 = sent as is). */
    ratio: z.number().min(0),
  }),
  /** The engine assessed a customer turn. */
  z.object({
    ...base,
    kind: z.literal('assessed'),
    turn: z.number().int().min(0),
    intentId: z.string().nullable(),
    escalations: z.array(z.string()),
    /** The redacted customer question, when it was one that the articles cover poorly. */
    gap: z.string().optional(),
  }),
]);
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

export class FeedbackLog {
  private readonly log: RotatingLog;

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

  /** Appends `record` (in call order) unless recording is off; resolves true when written. */
  append(record: FeedbackRecord): Promise<boolean> {
    if (!this.enabled()) return Promise.resolve(false);
    return this.log.append(JSON.stringify(FeedbackRecordSchema.parse(record))).then(() => true);
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

/** Levenshtein distance between `a` and `b` (two-row dynamic programme). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
