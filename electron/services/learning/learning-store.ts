/**
 * The learned state on disk: one JSON file in the data folder (`learned.json`), written
 * atomically (a crash leaves the old or the new file, never half of one). A file that cannot be
 * read as learned state (damaged, or written by a format this build does not know) is moved
 * aside as `learned.corrupt-<time>.json` and the device starts learning afresh: the installed
 * packs live elsewhere and are never touched by it.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  compactLearnedState,
  emptyLearnedState,
  learnedStateFromFile,
  learnedStateToFile,
  type LearnedState,
} from '../../../shared/learning/learned-state';
import { LearnedStateFileSchema } from '../../../shared/schemas/learning';
import { writeFileAtomic } from '../core/atomic-file';
import { describeZodError } from '../../../shared/zod-issues';

export const LEARNED_FILE = 'learned.json';

/** What was on disk: the state, this device's bundle id, and a warning when it was unusable. */
export interface LoadedLearning {
  readonly state: LearnedState;
  readonly device: string;
  readonly bytes: number;
  readonly warning?: string;
}

/** Reads the learned state of `dataDir` (empty when there is none). */
export async function loadLearned(dataDir: string, now = new Date()): Promise<LoadedLearning> {
  const path = join(dataDir, LEARNED_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { state: emptyLearnedState(), device: randomUUID(), bytes: 0 };
    throw error;
  }
  const problem = parseLearned(text);
  if (typeof problem !== 'string') return { ...problem, bytes: Buffer.byteLength(text, 'utf8') };
  const aside = join(dataDir, `learned.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  await rename(path, aside);
  return {
    state: emptyLearnedState(),
    device: randomUUID(),
    bytes: 0,
    warning: `The learned state was unreadable (${problem}); moved it to ${aside} and started afresh. The installed packs are unchanged.`,
  };
}

function parseLearned(text: string): { state: LearnedState; device: string } | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const parsed = LearnedStateFileSchema.safeParse(raw);
  if (!parsed.success) return describeZodError(parsed.error);
  return { state: learnedStateFromFile(parsed.data), device: parsed.data.device ?? randomUUID() };
}

/** Writes the state (compacted to its caps) atomically; resolves with its size in bytes. */
export async function saveLearned(
  dataDir: string,
  state: LearnedState,
  device: string,
): Promise<number> {
  compactLearnedState(state);
  const text = JSON.stringify({ ...learnedStateToFile(state), device });
  await writeFileAtomic(join(dataDir, LEARNED_FILE), text);
  return Buffer.byteLength(text, 'utf8');
}

/** Removes the learned state file ("Forget what this device learned"). */
export async function removeLearned(dataDir: string): Promise<void> {
  await rm(join(dataDir, LEARNED_FILE), { force: true });
}

/** Size of the learned state file, 0 when there is none. */
export async function learnedBytes(dataDir: string): Promise<number> {
  try {
    return (await stat(join(dataDir, LEARNED_FILE))).size;
  } catch {
    return 0;
  }
}
