/**
 * The team run of `npm run eval -- loop`: five simulated agents each work a share of the
 * conversations on their own device, export a bundle (the product's export, k = 3), and the
 * bundles are merged into a proposal for the next pack version (the product's merge). Version 2
 * is built and measured on held-out conversations beside version 1, with no device learning.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProposal, type PackSourceView } from '../../shared/learning/proposal';
import { exportBundle } from '../../shared/learning/bundle';
import { emptyMerge, mergeBundle } from '../../shared/learning/team-merge';
import { openKnowledge } from '../../electron/app/open-knowledge';
import { mergeBundleFiles, writeBundle } from '../../electron/services/learning/bundle-files';
import {
  applyChanges,
  proposalChanges,
  readSourceView,
} from '../../electron/services/learning/proposal-files';
import { buildPack } from '../../electron/services/packs/build';
import type { DialogueState } from '../doc2dial';
import { firstHitRank } from '../metric';
import { correctionCurve, accuracy, modelWith, type Pair } from './intent-loop';
import { hitRates, replayKnowledge, type HitRates } from './knowledge-loop';

export const AGENTS = 5;
const K = 3;
const trust = () => ({ trustedKeys: [], allowUnsigned: true });
const NO_EMBEDDER = { embedder: null, reason: 'eval' };

/** Installs `pack` in a fresh data folder under `work`. */
export async function installPack(work: string, name: string, pack: string): Promise<string> {
  const dataDir = join(work, name);
  const opened = await openKnowledge({ dataDir, embeddings: NO_EMBEDDER, trust });
  await opened.packs.service.install({ path: pack });
  await opened.close();
  return dataDir;
}

/** Hit rates on held-out states, and the search's p95 time per state. */
async function heldOut(
  dataDir: string,
  states: readonly DialogueState[],
): Promise<HitRates & { p95Ms: number }> {
  const opened = await openKnowledge({ dataDir, embeddings: NO_EMBEDDER, trust });
  const service = opened.knowledge.service;
  try {
    const times: number[] = [];
    const ranks = states.map((s) => {
      const started = performance.now();
      const cards = service.searchTurns(s.turns, 5);
      times.push(performance.now() - started);
      return firstHitRank(
        cards.map((h) => ({ articleId: h.articleId, text: h.passage })),
        s.goldArticleId,
        s.goldSpan,
      );
    });
    times.sort((a, b) => a - b);
    return { ...hitRates(ranks), p95Ms: times[Math.floor(0.95 * (times.length - 1))] ?? 0 };
  } finally {
    await opened.close();
  }
}

/** What the knowledge team run measured. */
export interface KnowledgeTeamResult {
  readonly v1: HitRates & { p95Ms: number };
  readonly v2: HitRates & { p95Ms: number };
  readonly aliases: number;
  readonly articles: number;
  readonly stubs: number;
  readonly bundleLines: number;
  /** The team's ranking: counts, and the articles and parts they name. */
  readonly ranking: { counts: number; articles: number; parts: number };
}

/**
 * Agents work the first half of `dialogues` (dealt round-robin) on pack version 1; version 2 is
 * the merged proposal applied to `source`; both are measured on the second half.
 */
export async function knowledgeTeam(
  source: string,
  v1Data: string,
  dialogues: readonly (readonly DialogueState[])[],
  /** Share of each agent's uses that go to a wrong card (the safety run). */
  wrongShare = 0,
): Promise<KnowledgeTeamResult> {
  const work = await mkdtemp(join(tmpdir(), 'inloop-eval-team-'));
  try {
    const half = Math.ceil(dialogues.length / 2);
    const bundles: string[] = [];
    let bundleLines = 0;
    for (let a = 0; a < AGENTS; a++) {
      const mine = dialogues.slice(0, half).filter((_, i) => i % AGENTS === a);
      await replayKnowledge({
        dataDir: v1Data,
        dialogues: mine,
        learnOnly: true,
        seed: 100 + a,
        wrongShare,
        afterReplay: async (learning) => {
          const lines = learning.exportBundle(null);
          bundleLines += lines.length;
          const file = join(work, `agent-${a + 1}.jsonl`);
          await writeBundle(file, lines);
          bundles.push(file);
        },
      });
    }
    const { merged } = await mergeBundleFiles(bundles);
    const next = join(work, 'source-v2');
    await cp(source, next, { recursive: true });
    const proposal = buildProposal(merged, await readSourceView(next));
    await applyChanges(next, await proposalChanges(next, proposal));
    const pack = join(work, 'v2.inloop');
    const built = await buildPack(next, { out: pack, embedder: null });
    if (!built.ok)
      throw new Error(`version 2 does not build: ${JSON.stringify(built.problems[0])}`);
    const v2Data = await installPack(work, 'data-v2', pack);
    const states = dialogues.slice(half).flat();
    return {
      v1: await heldOut(v1Data, states),
      v2: await heldOut(v2Data, states),
      aliases: proposal.aliases.reduce((n, a) => n + a.words.length, 0),
      articles: proposal.aliases.length,
      stubs: proposal.stubs.length,
      bundleLines,
      ranking: {
        counts: proposal.ranking.length,
        articles: new Set(proposal.ranking.map((e) => e.articleId)).size,
        parts: new Set(proposal.ranking.flatMap((e) => (e.part ? [e.articleId + e.part] : [])))
          .size,
      },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** What the intent team run measured. */
export interface IntentTeamResult {
  readonly v1: number;
  readonly v2: number;
  readonly proposed: number;
  /** Of `proposed`, the phrases. */
  readonly proposedPhrases: number;
  /** Whole examples the bundles carried, and phrases. */
  readonly exported: number;
  readonly phrases: number;
}

/**
 * Agents each correct a fifth of the stream on their own device (budget as in the single-device
 * run); their bundles (k = 3: an example leaves a device only when seen in three conversations)
 * merge into version 2's examples.
 */
export function intentTeam(
  initial: readonly Pair[],
  stream: readonly Pair[],
  test: readonly Pair[],
  rebuildEvery: number,
  k: number = K,
): IntentTeamResult {
  const merged = emptyMerge();
  let exported = 0;
  let phrases = 0;
  for (let a = 0; a < AGENTS; a++) {
    const mine = stream.filter((_, i) => i % AGENTS === a);
    const { state } = correctionCurve(initial, mine, test, {
      budget: 20,
      checkpoints: [],
      rebuildEvery,
    });
    const lines = exportBundle(state, { k, since: null, device: `agent-${a + 1}`, now: 0 });
    exported += lines.filter((l) => l.kind === 'intent-example').length;
    phrases += lines.filter((l) => l.kind === 'intent-phrase').length;
    mergeBundle(merged, lines);
  }
  const byIntent = new Map<string, string[]>();
  for (const [text, id] of initial) byIntent.set(id, [...(byIntent.get(id) ?? []), text]);
  const view: PackSourceView = {
    id: 'eval',
    version: '1.0.0',
    intents: [...byIntent].map(([id, examples]) => ({ id, examples })),
    articles: [],
    responses: [],
    rules: [],
  };
  const proposal = buildProposal(merged, view);
  const v2: Pair[] = [...initial, ...proposal.examples.map((e) => [e.text, e.intentId] as const)];
  return {
    v1: accuracy(modelWith(initial), test),
    v2: accuracy(modelWith(v2), test),
    proposed: proposal.examples.length,
    proposedPhrases: proposal.examples.filter((e) => e.from === 'phrase').length,
    exported,
    phrases,
  };
}
