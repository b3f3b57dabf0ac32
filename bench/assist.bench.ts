/**
 * Turn to suggestions: the p95 from a new customer turn to the updated suggestions (search,
 * intent, sentiment, escalation, entities, replies, checklist, gist), through the assist
 * service's public `addTurn`, with a 100k-passage corpus (the search bench's synthetic packs
 * from doc2dial-dev) plus the example pack's intents, replies and rules installed. The
 * optional generation endpoint is excluded. Conversations are doc2dial-dev dialogue states,
 * replayed one customer turn at a time. A second run does the same on a device that has learned
 * from 10,000 decisions (and reports the learned state's size).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryTurn } from '../shared/schemas/knowledge';
import { AssistService } from '../electron/services/assist/assist-service';
import { FeedbackLog } from '../electron/services/assist/feedback-log';
import { EventBus } from '../electron/services/core/event-bus';
import { createEmbedder } from '../electron/services/embeddings/create-embedder';
import { openKnowledge } from '../electron/app/open-knowledge';
import { buildPack } from '../electron/services/packs/build';
import { LearningService } from '../electron/services/learning/learning-service';
import { learnDecisions } from './learned-events';
import { readDoc2dialArticles, writeSyntheticPacks } from './synthetic-pack';
import { percentile, type BenchRow } from './table';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, '..', 'shared', 'data', 'doc2dial-dev');
const modelsDir = join(root, '..', 'shared', 'models');
const MODEL = 'inloop-test/minilm-l6-shape-random';
const SIZE = 100_000;
const CONVERSATIONS = 300;
const TARGET_P95_MS = 100;
const LEARNED_EVENTS = 10_000;
const TARGET_STATE_MB = 5;
type Trust = () => { trustedKeys: string[]; allowUnsigned: boolean };

/** Replays the conversations a turn at a time; the customer turns' latencies after warm-up. */
async function measureTurns(
  data: string,
  trust: Trust,
  conversations: readonly QueryTurn[][],
  learning: LearningService | null,
): Promise<number[]> {
  const opened = await openKnowledge({
    dataDir: data,
    embeddings: { embedder: null, reason: 'bench' },
    trust,
    ...(learning ? { learned: learning.ranking } : {}),
  });
  const service = new AssistService({
    bus: new EventBus(),
    knowledge: opened.knowledge.service,
    feedback: FeedbackLog.in(data, () => false),
    idleTimeoutMinutes: () => 240,
    ...(learning ? { learning: learning.assist } : {}),
  });
  const samples: number[] = [];
  for (const [n, turns] of conversations.entries()) {
    service.start();
    for (const turn of turns) {
      const t0 = performance.now();
      await service.addTurn({ role: turn.role, text: turn.text, source: 'typed' });
      // The first 20 conversations warm up the JIT and the caches.
      if (turn.role === 'customer' && n >= 20) samples.push(performance.now() - t0);
    }
  }
  service.close();
  await opened.close();
  return samples;
}

/** `LEARNED_EVENTS` decisions over the bench's conversations and the cards search gives them. */
async function seedLearning(
  learning: LearningService,
  data: string,
  trust: Trust,
  conversations: readonly QueryTurn[][],
): Promise<void> {
  const opened = await openKnowledge({
    dataDir: data,
    embeddings: { embedder: null, reason: 'bench' },
    trust,
  });
  const knowledge = opened.knowledge.service;
  const shown = conversations.map((turns) => ({ turns, cards: knowledge.searchTurns(turns, 5) }));
  const packs = knowledge.content();
  await opened.close();
  await learnDecisions(learning, shown, LEARNED_EVENTS, {
    intents: packs.flatMap((p) => p.intents.map((i) => i.id)),
    replies: packs.flatMap((p) => p.responses.map((r) => r.id)),
  });
}

async function readConversations(): Promise<QueryTurn[][]> {
  const lines = (await readFile(join(dataDir, 'turns.jsonl'), 'utf8')).split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .slice(0, CONVERSATIONS)
    .map((line) => (JSON.parse(line) as { turns: QueryTurn[] }).turns);
}

/** The `assist` rows of `npm run bench`; none (with a message) when the data is absent. */
export async function benchAssist(): Promise<BenchRow[]> {
  if (!existsSync(join(dataDir, 'docs.jsonl')) || !existsSync(join(dataDir, 'turns.jsonl'))) {
    process.stderr.write(`bench assist: skipped, ${dataDir} is missing\n`);
    return [];
  }
  const choice = await createEmbedder({
    modelsDir,
    env: { ...process.env, INLOOP_EMBED_MODEL: MODEL },
  });
  if (!choice.embedder) {
    process.stderr.write(`bench assist: skipped, ${choice.reason}\n`);
    return [];
  }
  const dir = await mkdtemp(join(tmpdir(), 'inloop-bench-assist-'));
  try {
    const data = join(dir, 'data');
    const trust = () => ({ trustedKeys: [], allowUnsigned: true });
    const files = await writeSyntheticPacks(
      dir,
      await readDoc2dialArticles(join(dataDir, 'docs.jsonl')),
      SIZE,
      {
        model: choice.embedder.modelId,
        dimension: choice.embedder.dimension,
      },
    );
    const example = join(dir, 'acme-retail.inloop');
    const built = await buildPack(join(root, 'packs', 'acme-retail'), {
      out: example,
      embedder: null,
    });
    if (!built.ok)
      throw new Error('bench assist: the example pack packs/acme-retail does not build');
    const installing = await openKnowledge({
      dataDir: data,
      embeddings: choice,
      trust,
    });
    for (const file of [...files, example]) await installing.packs.service.install({ path: file });
    await installing.close();
    await choice.embedder.close();

    // The assist path searches lexically (knowledge-service searchTurns), so no embedder here.
    const conversations = await readConversations();
    const plain = await measureTurns(data, trust, conversations, null);
    // The same, on a device that has learned from 10,000 decisions (article priors, intent
    // examples, reply acceptance and rewrites), to check learning keeps the turn budget.
    const learning = await LearningService.open({
      dataDir: data,
      settings: () => ({ enabled: true, allowExport: false, exportFolder: '', k: 3 }),
      saveDelayMs: 3_600_000,
    });
    await seedLearning(learning, data, trust, conversations);
    const learned = await measureTurns(data, trust, conversations, learning);
    await learning.close();
    const rows = (label: string, samples: number[]): BenchRow[] => [
      {
        benchmark: label,
        metric: 'turn → suggestions p50',
        value: percentile(samples, 50),
        unit: 'ms',
      },
      {
        benchmark: label,
        metric: `turn → suggestions p95 (${samples.length} turns)`,
        value: percentile(samples, 95),
        unit: 'ms',
        target: { op: '<=', value: TARGET_P95_MS },
      },
    ];
    const withLearning = `assist ${SIZE / 1000}k, ${LEARNED_EVENTS.toLocaleString('en')} learned events`;
    return [
      ...rows(`assist ${SIZE / 1000}k`, plain),
      ...rows(withLearning, learned),
      {
        benchmark: withLearning,
        metric: 'learned state on disk',
        value: learning.summary().bytes / 1e6,
        unit: 'MB',
        target: { op: '<=', value: TARGET_STATE_MB },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
