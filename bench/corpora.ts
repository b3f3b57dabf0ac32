/**
 * The corpora the search benchmarks share, installed once per `bench/run.ts` process into a
 * temp data folder (removed at exit): doc2dial-dev (its 273 articles built into a pack by
 * `buildPack`, re-embedded at install, so hit@k can be scored) and the synthetic 10k / 100k
 * packs of bench/synthetic-pack.ts (random vectors labelled with the bench model).
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbedder } from '../electron/services/embeddings/create-embedder';
import type { Embedder } from '../electron/services/embeddings/embedder';
import { openKnowledge } from '../electron/app/open-knowledge';
import { CONTENT_FILE, INDEX_FOLDER } from '../electron/services/knowledge/pack-indexer';
import {
  parseInstalledContent,
  type InstalledContent,
} from '../electron/services/packs/install/installed-content';
import { PackStore } from '../electron/services/packs/install/pack-store';
import { buildPack } from '../electron/services/packs/build';
import type { QueryTurn } from '../shared/schemas/knowledge';
import { writeSource } from '../eval/doc2dial-suite';
import { loadDoc2Dial, type DialogueState } from '../eval/doc2dial';
import { readDoc2dialArticles, writeSyntheticPacks } from './synthetic-pack';

export const root = join(import.meta.dirname, '..');
export const dataDir = join(root, '..', 'shared', 'data', 'doc2dial-dev');
export const modelsDir = join(root, '..', 'shared', 'models');
/** Exactly all-MiniLM-L6-v2's shape, random weights. */
export const EMBED_MODEL = 'inloop-test/minilm-l6-shape-random';
/** Exactly whisper-tiny.en's shape, random weights. */
export const ASR_MODEL = 'inloop-test/whisper-tiny-en-shape-random';
/** 53 s of real speech, 16 kHz mono. */
export const RECORDING = join(
  root,
  '..',
  'shared',
  'data',
  'audio',
  'en-Wikipedia-Ignore_All_Rules.wav',
);

/** A corpus installed into a data folder. */
export interface InstalledCorpus {
  readonly name: string;
  /** The data folder (`KnowledgeService.open({ dataDir })`). */
  readonly dataDir: string;
  readonly passages: number;
  readonly installSeconds: number;
  readonly packs: number;
}

export function corporaAvailable(): string | null {
  if (!existsSync(join(dataDir, 'docs.jsonl')) || !existsSync(join(dataDir, 'turns.jsonl')))
    return `${dataDir} is missing`;
  if (!existsSync(join(modelsDir, EMBED_MODEL, 'config.json')))
    return `${EMBED_MODEL} is not in ${modelsDir}`;
  return null;
}

let work: string | null = null;
const installed = new Map<string, Promise<InstalledCorpus>>();

async function workDir(): Promise<string> {
  if (!work) {
    work = await mkdtemp(join(tmpdir(), 'inloop-bench-corpora-'));
    const dir = work;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return work;
}

/** The bench embedder (one ONNX thread, as the app runs on two cores). */
export async function benchEmbedder(): Promise<Embedder> {
  const choice = await createEmbedder({
    modelsDir,
    env: { ...process.env, INLOOP_EMBED_MODEL: EMBED_MODEL },
  });
  if (!choice.embedder) throw new Error(`bench embedder: ${choice.reason}`);
  return choice.embedder;
}

async function install(
  name: string,
  files: string[],
  embedder: Embedder,
): Promise<InstalledCorpus> {
  const data = join(await workDir(), name, 'data');
  const opened = await openKnowledge({
    dataDir: data,
    embeddings: { embedder, reason: null },
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  });
  const t0 = performance.now();
  for (const file of files) await opened.packs.service.install({ path: file });
  const installSeconds = (performance.now() - t0) / 1000;
  const passages = opened.knowledge.service.status().passages;
  await opened.close();
  return { name, dataDir: data, passages, installSeconds, packs: files.length };
}

/**
 * A corpus by name (`doc2dial-dev`, or a passage count such as `10000`), installed with
 * `embedder`'s model; the same promise for every caller in this process.
 */
export function installedCorpus(name: string, embedder: Embedder): Promise<InstalledCorpus> {
  let corpus = installed.get(name);
  if (!corpus) {
    corpus = (async () => {
      const dir = join(await workDir(), name);
      await mkdir(dir, { recursive: true });
      process.stderr.write(`bench: installing corpus ${name}…\n`);
      if (name === 'doc2dial-dev') {
        const data = loadDoc2Dial();
        if (!data) throw new Error(`${dataDir} is missing`);
        await mkdir(join(dir, 'src'));
        await writeSource(join(dir, 'src'), data.articles);
        const pack = join(dir, 'doc2dial.inloop');
        const built = await buildPack(join(dir, 'src'), { out: pack });
        if (!built.ok) throw new Error(`doc2dial pack: ${JSON.stringify(built.problems[0])}`);
        return install(name, [pack], embedder);
      }
      const size = Number(name);
      if (!Number.isInteger(size) || size <= 0) throw new Error(`unknown corpus ${name}`);
      const files = await writeSyntheticPacks(
        dir,
        await readDoc2dialArticles(join(dataDir, 'docs.jsonl')),
        size,
        { model: embedder.modelId, dimension: embedder.dimension },
      );
      return install(name, files, embedder);
    })();
    installed.set(name, corpus);
  }
  return corpus;
}

/** The current version of every pack of a data folder: its content and LanceDB folder. */
export async function installedPacks(
  data: string,
): Promise<{ id: string; content: InstalledContent; index: string }[]> {
  const store = new PackStore(data);
  const out = [];
  for (const { current } of await store.list()) {
    const folder = store.folderOf(current);
    const path = join(folder, CONTENT_FILE);
    out.push({
      id: current.id,
      content: parseInstalledContent(await readFile(path, 'utf8'), path),
      index: join(folder, INDEX_FOLDER),
    });
  }
  return out;
}

/** The first `count` doc2dial-dev dialogue states (all of them by default). */
export function dialogueStates(count = Infinity): DialogueState[] {
  const data = loadDoc2Dial();
  if (!data) throw new Error(`${dataDir} is missing`);
  return data.states.slice(0, count);
}

/** A state's turns as the knowledge service takes them. */
export const queryTurns = (state: DialogueState): QueryTurn[] =>
  state.turns.map((t) => ({ role: t.role, text: t.text }));

/** The whole conversation as one query string (what a peer search box is given). */
export const conversationText = (state: DialogueState): string =>
  state.turns.map((t) => t.text).join('\n');

/** Runs `bench` with the bench embedder, closing it after; none when the data is missing. */
export async function benchCorpus<T>(bench: (embedder: Embedder) => Promise<T[]>): Promise<T[]> {
  const missing = corporaAvailable();
  if (missing) {
    process.stderr.write(`bench: skipped, ${missing}\n`);
    return [];
  }
  const embedder = await benchEmbedder();
  try {
    return await bench(embedder);
  } finally {
    await embedder.close();
  }
}
