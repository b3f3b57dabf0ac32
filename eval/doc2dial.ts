/**
 * Loads the doc2dial development set from the shared data folder (never copied into the repo):
 * 273 articles and 2,159 dialogue states, each with its gold article and gold span.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Turn } from '../shared/knowledge/types';

/** One dialogue state: the conversation so far and what should answer its latest turn. */
export interface DialogueState {
  readonly id: string;
  /** The dialogue the state belongs to (the id without its turn suffix). */
  readonly dialogueId: string;
  readonly turns: readonly Turn[];
  readonly goldArticleId: string;
  readonly goldSpan: string;
}

/** The data set, or null when the folder is absent. */
export interface Doc2DialData {
  readonly articles: readonly Article[];
  readonly states: readonly DialogueState[];
}

/** Where the data lives: ../shared/data/doc2dial-dev from the repository root. */
export function doc2dialFolder(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return join(root, '..', 'shared', 'data', 'doc2dial-dev');
}

function jsonLines(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

/** Reads the data set; null when the folder or its files are missing. */
export function loadDoc2Dial(folder = doc2dialFolder()): Doc2DialData | null {
  const docsPath = join(folder, 'docs.jsonl');
  const turnsPath = join(folder, 'turns.jsonl');
  if (!existsSync(docsPath) || !existsSync(turnsPath)) return null;
  const articles = (jsonLines(docsPath) as Article[]).map((a) => ({
    articleId: a.articleId,
    title: a.title,
    text: a.text,
  }));
  const states = (jsonLines(turnsPath) as Omit<DialogueState, 'dialogueId'>[]).map((s) => ({
    id: s.id,
    dialogueId: s.id.replace(/_\d+$/, ''),
    turns: s.turns.map((t) => ({ role: t.role, text: t.text })),
    goldArticleId: s.goldArticleId,
    goldSpan: s.goldSpan,
  }));
  return { articles, states };
}

/**
 * Splits states by dialogue id, sorted: the first half of dialogues is where parameters were
 * tuned, the second half is held out.
 */
export function splitByDialogue(states: readonly DialogueState[]): {
  tune: DialogueState[];
  heldOut: DialogueState[];
} {
  const ids = [...new Set(states.map((s) => s.dialogueId))].sort();
  const tuneIds = new Set(ids.slice(0, Math.ceil(ids.length / 2)));
  return {
    tune: states.filter((s) => tuneIds.has(s.dialogueId)),
    heldOut: states.filter((s) => !tuneIds.has(s.dialogueId)),
  };
}
