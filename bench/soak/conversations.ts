/**
 * A shift's chat traffic: conversations of 5 to 20 turns from real dialogues (doc2dial-dev and
 * the ABCD sample, in turn), pushed through the ingest endpoint as a helpdesk connector does,
 * while a "screen" on the WebSocket API does what an agent's screen sends: it records replies
 * shown, copies one now and then, gives thumbs, picks an intent when the engine asks, dismisses
 * a flag, ticks a suggested step, asks for the handoff, searches the knowledge panel. Seeded,
 * so two runs send the same traffic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssistState } from '../../shared/schemas/assist';
import { seededRandom } from '../../shared/seeded-random';
import { loadDoc2Dial } from '../../eval/doc2dial';
import { root } from '../corpora';
import type { ApiClient } from './api-client';

export interface ChatTurn {
  readonly role: 'customer' | 'agent';
  readonly text: string;
}

const MIN_TURNS = 5;
const MAX_TURNS = 20;

function abcdDialogues(): ChatTurn[][] {
  try {
    const path = join(root, '..', 'shared', 'data', 'abcd', 'abcd_sample.json');
    const data = JSON.parse(readFileSync(path, 'utf8')) as { original: [string, string][] }[];
    return data.map((d) =>
      d.original
        .filter(([role]) => role === 'customer' || role === 'agent')
        .map(([role, text]) => ({ role: role as ChatTurn['role'], text })),
    );
  } catch {
    return [];
  }
}

/** `count` conversations of 5-20 turns, cycling through the dialogues. */
export function shiftConversations(count: number, seed = 17): ChatTurn[][] {
  const doc2dial = loadDoc2Dial();
  if (!doc2dial) throw new Error('the soak needs ../shared/data/doc2dial-dev');
  // The last state of each dialogue holds all of its turns.
  const byDialogue = new Map<string, ChatTurn[]>();
  for (const state of doc2dial.states) byDialogue.set(state.dialogueId, [...state.turns]);
  const abcd = abcdDialogues();
  const sources = [...byDialogue.values()];
  const random = seededRandom(seed);
  const out: ChatTurn[][] = [];
  let next = 0;
  for (let i = 0; i < count; i++) {
    const want = MIN_TURNS + Math.floor(random() * (MAX_TURNS - MIN_TURNS + 1));
    const turns: ChatTurn[] = [];
    while (turns.length < want) {
      const dialogue =
        abcd.length > 0 && i % 5 === 4 ? abcd[i % abcd.length]! : sources[next++ % sources.length]!;
      turns.push(...dialogue.filter((t) => t.text.trim() !== ''));
    }
    out.push(turns.slice(0, want));
  }
  return out;
}

/** What the soak's chat traffic did so far. */
export interface ChatProgress {
  conversations: number;
  turns: number;
}

/** Posts one turn to the ingest endpoint; a non-2xx answer is a failure. */
async function ingest(
  url: string,
  token: string,
  turn: ChatTurn & { conversationId: string },
  failures: string[],
): Promise<void> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(turn),
    });
    await response.text();
    if (!response.ok) failures.push(`ingest: HTTP ${response.status}`);
  } catch (error) {
    failures.push(`ingest: ${(error as Error).message}`);
  }
}

/** The screen's reaction to the suggestions after a customer turn. */
async function actLikeTheScreen(api: ApiClient, state: AssistState | null, random: () => number) {
  const suggestions = state?.suggestions;
  if (!suggestions) return;
  const reply = suggestions.replies[0];
  if (reply) {
    const id = reply.id ?? 'generated';
    await api.request('assist:feedback', { kind: 'displayed', target: 'reply', id, position: 0 });
    if (!reply.withheld && random() < 0.3) {
      await api.request('assist:feedback', {
        kind: 'copied',
        target: 'reply',
        id,
        text: reply.text,
        position: 0,
      });
    }
  }
  const article = suggestions.articles[0];
  if (article && random() < 0.15) {
    const kind = random() < 0.7 ? 'thumbs-up' : 'thumbs-down';
    await api.request('assist:feedback', {
      kind,
      target: 'article',
      id: article.articleId,
      position: 0,
    });
  }
  const candidate = suggestions.candidates[0];
  if (candidate && random() < 0.5) {
    await api.request('assist:pick-intent', { intentId: random() < 0.85 ? candidate.id : null });
  }
  const flag = suggestions.escalation[0];
  if (flag?.ruleId && random() < 0.3) {
    await api.request('assist:dismiss-flag', { ruleId: flag.ruleId });
  }
  const step = suggestions.nextActions.find((s) => s.suggested && !s.done);
  if (step && random() < 0.5) await api.request('assist:set-step', { stepId: step.id, done: true });
}

/**
 * Runs `conversations` through ingest and the screen until `deadline`, spread evenly over
 * `spreadMs` (a compressed shift, not a burst).
 */
export async function runChats(options: {
  api: ApiClient;
  ingestUrl: string;
  ingestToken: string;
  conversations: readonly ChatTurn[][];
  spreadMs: number;
  deadline: number;
  progress: ChatProgress;
  failures: string[];
}): Promise<void> {
  const { api, progress } = options;
  let latest: AssistState | null = null;
  const stop = api.on('assist:updated', (payload) => (latest = payload as AssistState));
  const random = seededRandom(29);
  const start = Date.now();
  const interval = options.spreadMs / Math.max(1, options.conversations.length);
  try {
    for (const [i, turns] of options.conversations.entries()) {
      const due = start + i * interval;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      if (Date.now() > options.deadline) return;
      const conversationId = `soak-${i}`;
      for (const turn of turns) {
        await ingest(
          options.ingestUrl,
          options.ingestToken,
          { ...turn, conversationId },
          options.failures,
        );
        progress.turns++;
        if (turn.role === 'customer') await actLikeTheScreen(api, latest, random);
      }
      if (random() < 0.3) await api.request('assist:handoff');
      if (random() < 0.2) {
        await api.request('knowledge:search', { turns: turns.slice(-4), k: 5 });
      }
      progress.conversations++;
    }
  } finally {
    stop();
  }
}
