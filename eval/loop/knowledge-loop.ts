/**
 * The knowledge half of `npm run eval -- loop`: doc2dial-dev dialogues replayed in a fixed
 * shuffled order through the product's search (`KnowledgeService.search` with the learning
 * service's re-ranking step) and the product's learning (`LearningService.observe` with the
 * feedback record and the cards the screen showed). After each dialogue state a simulated agent
 * uses the gold article when it is among the top 5 cards (nothing otherwise); optionally a share
 * of the uses goes to a wrong card instead (the safety run). Every state of the second half is
 * scored twice in the same run, with what was learned so far and with learning off.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../shared/seeded-random';
import type { SearchHit } from '../../shared/schemas/knowledge';
import { openKnowledge } from '../../electron/app/open-knowledge';
import { LearningService } from '../../electron/services/learning/learning-service';
import type { DialogueState } from '../doc2dial';
import { firstHitRank } from '../metric';

/** The cards an agent sees. */
const CARDS = 5;

/** hit@1 and hit@5 over a list of first-hit ranks. */
export interface HitRates {
  readonly n: number;
  readonly at1: number;
  readonly at5: number;
}

export function hitRates(ranks: readonly (number | null)[]): HitRates {
  const n = Math.max(1, ranks.length);
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  return { n: ranks.length, at1: within(1), at5: within(5) };
}

/** Dialogue states grouped by dialogue, dialogues in a fixed shuffled order, turns in order. */
export function shuffledDialogues(
  states: readonly DialogueState[],
  seed: number,
): DialogueState[][] {
  const byDialogue = new Map<string, DialogueState[]>();
  for (const s of states)
    byDialogue.set(s.dialogueId, [...(byDialogue.get(s.dialogueId) ?? []), s]);
  const dialogues = [...byDialogue.values()].map((list) =>
    [...list].sort((a, b) => a.turns.length - b.turns.length),
  );
  const random = seededRandom(seed);
  for (let i = dialogues.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [dialogues[i], dialogues[j]] = [dialogues[j]!, dialogues[i]!];
  }
  return dialogues;
}

/** What a replay measured on the second half. */
export interface ReplayResult {
  readonly learning: HitRates;
  readonly none: HitRates;
  readonly uses: number;
  readonly wrongUses: number;
  /** Uses that had another article's card on screen (where a wrong use was possible). */
  readonly wrongChances: number;
  /** With learning: the first card is from the gold article (whatever its passage). */
  readonly articleAt1: number;
  /** Each scored state's first-hit rank with and without learning. */
  readonly scored: readonly {
    readonly goldArticleId: string;
    readonly learning: number | null;
    readonly none: number | null;
  }[];
  readonly stateBytes: number;
}

export interface ReplayOptions {
  /** The installed pack's data folder (opened afresh for each replay). */
  readonly dataDir: string;
  readonly dialogues: readonly (readonly DialogueState[])[];
  /** Share of uses that go to a wrong card instead of the gold one (the safety run). */
  readonly wrongShare?: number;
  readonly seed?: number;
  /** Learn from the first half only, and score the second half with no further learning. */
  readonly frozen?: boolean;
  /** Score nothing, learn from every dialogue (an agent of the team run). */
  readonly learnOnly?: boolean;
  /** Called with the device's learning before it closes (to export its bundle). */
  readonly afterReplay?: (learning: LearningService) => Promise<void>;
}

/** The agent's use of a card, as the feedback log records it and the screen showed it. */
function observeUse(
  learning: LearningService,
  conversationId: string,
  state: DialogueState,
  cards: readonly SearchHit[],
  position: number,
  at: number,
): void {
  const card = cards[position]!;
  learning.observe(
    {
      kind: 'copied',
      target: 'article',
      id: card.articleId,
      position,
      at,
      conversationId,
    },
    {
      turns: state.turns,
      suggestions: { intent: null, articles: cards, replies: [], escalation: [] },
    },
  );
}

/** One prequential replay; a fresh learned state in its own temp folder. */
export async function replayKnowledge(options: ReplayOptions): Promise<ReplayResult> {
  const work = await mkdtemp(join(tmpdir(), 'inloop-eval-loop-'));
  let enabled = true;
  const learning = await LearningService.open({
    dataDir: work,
    settings: () => ({ enabled, allowExport: true, exportFolder: '', k: 3 }),
    saveDelayMs: 3_600_000,
  });
  const opened = await openKnowledge({
    dataDir: options.dataDir,
    embeddings: { embedder: null, reason: 'eval' },
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
    learned: learning.ranking,
  });
  const knowledge = opened.knowledge.service;
  const random = seededRandom(options.seed ?? 7);
  const half = options.learnOnly
    ? options.dialogues.length
    : Math.ceil(options.dialogues.length / 2);
  const withLearning: (number | null)[] = [];
  const without: (number | null)[] = [];
  let uses = 0;
  let wrongUses = 0;
  let wrongChances = 0;
  let articleAt1 = 0;
  const scored: ReplayResult['scored'][number][] = [];
  let at = Date.parse('2026-11-01T09:00:00Z');
  const rank = (hits: readonly SearchHit[], s: DialogueState) =>
    firstHitRank(
      hits.map((h) => ({ articleId: h.articleId, text: h.passage })),
      s.goldArticleId,
      s.goldSpan,
    );
  try {
    for (const [d, dialogue] of options.dialogues.entries()) {
      const scoring = d >= half;
      for (const state of dialogue) {
        enabled = true;
        // The cards of the assist path: the live conversation's search, as the overlay shows it.
        const search = () =>
          knowledge.searchTurns(state.turns, CARDS, { conversationId: state.dialogueId });
        const cards = search();
        if (scoring) {
          if (cards[0]?.articleId === state.goldArticleId) articleAt1 += 1;
          enabled = false;
          const plain = rank(search(), state);
          enabled = true;
          withLearning.push(rank(cards, state));
          without.push(plain);
          scored.push({
            goldArticleId: state.goldArticleId,
            learning: rank(cards, state),
            none: plain,
          });
        }
        if (scoring && options.frozen) continue;
        // The card that answered (gold article and span), else the gold article's first card.
        const answered = rank(cards, state);
        const gold =
          answered !== null
            ? answered - 1
            : cards.findIndex((c) => c.articleId === state.goldArticleId);
        if (gold < 0) continue;
        let position = gold;
        const wrong = cards.flatMap((c, i) => (c.articleId !== state.goldArticleId ? [i] : []));
        if (wrong.length > 0) wrongChances++;
        if ((options.wrongShare ?? 0) > 0 && wrong.length > 0 && random() < options.wrongShare!) {
          position = wrong[Math.floor(random() * wrong.length)]!;
          wrongUses++;
        }
        uses++;
        at += 60_000;
        observeUse(learning, state.dialogueId, state, cards, position, at);
      }
    }
    await learning.flush();
    await options.afterReplay?.(learning);
    return {
      learning: hitRates(withLearning),
      none: hitRates(without),
      uses,
      wrongUses,
      wrongChances,
      articleAt1: articleAt1 / Math.max(1, withLearning.length),
      scored,
      stateBytes: learning.summary().bytes,
    };
  } finally {
    await opened.close();
    await learning.close();
    await rm(work, { recursive: true, force: true });
  }
}
