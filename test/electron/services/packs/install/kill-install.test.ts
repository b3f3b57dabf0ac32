/**
 * Atomic install for real: a child process installs a large upgrade and is killed with
 * SIGKILL at several moments (as it starts, once staging begins, while LanceDB indexes, right
 * after the version folder is renamed into place, around the registry commit). Each time the
 * next open must list a complete version (the previous one, or the new one only if its commit
 * landed), find its text, and sweep every leftover.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../../../electron/app/open-knowledge';
import { tempDir, writeFixturePack } from '../../knowledge/knowledge-fixtures';

const child = join(import.meta.dirname, 'install-child.ts');
let dir: string;
let cleanup: () => Promise<void>;
let v2: string;

const big = Array.from({ length: 120 }, (_, i) => ({
  articleId: `guides/g${i}`,
  title: `Guide ${i}`,
  text: Array.from({ length: 6 }, (_, j) =>
    `Paragraph ${j} of guide ${i} explains upgraded zeppelin procedures step ${j}. `.repeat(4),
  ).join('\n\n'),
}));

/** When to kill: a predicate on the packs folder, polled as fast as the loop allows. */
type Moment = { name: string; when: (packs: string) => boolean };
const staging = (packs: string) => join(packs, '.staging');
const moments: Moment[] = [
  { name: 'as the child starts', when: () => true },
  { name: 'once staging begins', when: (p) => existsSync(staging(p)) },
  {
    name: 'while LanceDB indexes',
    when: (p) =>
      existsSync(staging(p)) &&
      readdirSync(staging(p)).some((s) => existsSync(join(staging(p), s, 'index.lancedb'))),
  },
  {
    name: 'right after the rename, before the commit',
    when: (p) => existsSync(join(p, 'acme')) && readdirSync(join(p, 'acme')).length > 1,
  },
  {
    name: 'around the registry commit',
    when: (p) => existsSync(p) && readdirSync(p).some((f) => f.startsWith('.registry.json.')),
  },
];

const openOn = (dataDir: string) =>
  openKnowledge({
    dataDir,
    embeddings: { embedder: null, reason: 'test' },
    trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  });

async function seed(dataDir: string, v1: string) {
  const opened = await openOn(dataDir);
  await opened.packs.service.install({ path: v1 });
  await opened.close();
}

/** Runs the child, kills it at `moment` (unless it ends first); resolves with its signal. */
function runAndKill(dataDir: string, moment: Moment, ready: boolean): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, v2], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LANCEDB_LOG: 'error' },
    });
    const packs = join(dataDir, 'packs');
    let started = false;
    const poll = () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      if (started && moment.when(packs)) proc.kill('SIGKILL');
      else setImmediate(poll);
    };
    proc.stdout.on('data', (chunk: Buffer) => {
      if (!started && chunk.toString().includes('ready')) {
        started = ready;
        poll();
      }
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => resolve(signal));
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('inloop-kill-'));
  v2 = await writeFixturePack(join(dir, 'v2.inloop'), {
    id: 'acme',
    version: '2.0.0',
    articles: big,
  });
});
afterAll(() => cleanup());

describe('kill -9 during an upgrade', () => {
  it.each(moments)(
    'leaves a complete version when killed $name',
    async (moment) => {
      const dataDir = join(dir, moment.name.replace(/\W+/g, '-'));
      const v1 = await writeFixturePack(join(dataDir, 'v1.inloop'), {
        id: 'acme',
        version: '1.0.0',
        articles: [{ articleId: 'old', title: 'Old', text: 'The original walrus policy applies.' }],
      });
      await seed(dataDir, v1);
      const signal = await runAndKill(dataDir, moment, true);

      const opened = await openOn(dataDir);
      const service = opened.knowledge.service;
      try {
        const [entry] = await opened.packs.service.list();
        const version = entry!.current.version;
        // The child died unless the moment came only after its commit.
        if (version === '1.0.0') expect(signal).toBe('SIGKILL');
        const walrus = await service.search({ query: 'walrus policy' });
        const zeppelin = await service.search({ query: 'upgraded zeppelin procedures' });
        if (version === '1.0.0') {
          expect(walrus.hits[0]!.articleId).toBe('old');
          expect(service.status().passages).toBe(1);
        } else {
          expect(version).toBe('2.0.0');
          expect(entry!.previous?.version).toBe('1.0.0');
          expect(zeppelin.hits[0]!.articleId).toMatch(/^guides\//);
          expect(service.status().passages).toBe(entry!.current.counts.passages);
        }
        const packs = join(dataDir, 'packs');
        const left = (await readdir(packs)).sort();
        expect(left, JSON.stringify(left)).toEqual(['acme', 'registry.json']);
        const folders = (await readdir(join(packs, 'acme'))).map((f) => `acme/${f}`).sort();
        const referenced = [entry!.current.folder, entry!.previous?.folder].filter(Boolean).sort();
        expect(folders).toEqual(referenced);
      } finally {
        await opened.close();
      }
    },
    60_000,
  );
});
