/**
 * The feedback log: what agents did with suggestions, and what the engine saw, one JSON object
 * per line in `feedback.jsonl` of the data folder. Append-only, local, redacted (the caller
 * passes redacted text; nothing else is stored). Off when `privacy.recordFeedback` is false.
 * `inloop report` reads it.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FeedbackKindSchema, FeedbackTargetSchema } from '../../../shared/schemas/assist';

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
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly enabled: () => boolean,
  ) {}

  static in(dataDir: string, enabled: () => boolean): FeedbackLog {
    return new FeedbackLog(join(dataDir, FEEDBACK_FILE), enabled);
  }

  /** Appends `record` (in call order) unless recording is off; resolves true when written. */
  append(record: FeedbackRecord): Promise<boolean> {
    if (!this.enabled()) return Promise.resolve(false);
    const line = `${JSON.stringify(FeedbackRecordSchema.parse(record))}\n`;
    const write = this.queue.then(() => appendFile(this.path, line, { mode: 0o600 }));
    this.queue = write.catch(() => undefined);
    return write.then(() => true);
  }
}

/** Every valid record of the log at `path` (malformed lines skipped), oldest first. */
export async function readFeedback(path: string): Promise<FeedbackRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: FeedbackRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
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
