/** Paths and helpers shared by the pack-build tests. */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../../../electron/hosts/cli/commands';
import { runCli } from '../../../../../electron/hosts/cli/run-cli';
import type { CliIo } from '../../../../../electron/services/core/cli/command';
import { readPackFile, type VerifiedPack } from '../../../../../electron/services/packs/pack-file';
import type { Article, Passage } from '../../../../../shared/packs/pack-schemas';

export const repoRoot = join(import.meta.dirname, '../../../../..');
export const examplePack = join(repoRoot, 'packs/acme-retail');
export const packFixtures = join(repoRoot, 'test/fixtures/packs');
export const brokenPack = join(packFixtures, 'broken');
/** Shared test models live beside the repository (CI clones it with shared/ next to it). */
export const sharedModels = join(repoRoot, '../shared/models');

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'inloop-pack-build-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A small copy of the example pack: pack.yaml and the named articles only. */
export async function smallSource(dir: string, articles: readonly string[]): Promise<string> {
  const src = join(dir, 'src');
  await mkdir(join(src, 'articles'), { recursive: true });
  await cp(join(examplePack, 'pack.yaml'), join(src, 'pack.yaml'));
  for (const rel of articles) {
    await cp(join(examplePack, 'articles', rel), join(src, 'articles', rel), { recursive: true });
  }
  return src;
}

const decoder = new TextDecoder();
export const jsonLines = <T>(bytes: Uint8Array): T[] =>
  decoder
    .decode(bytes)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

/** A pack file read back as an agent's machine would (unsigned allowed), with its content. */
export async function readBack(
  file: string,
  trustedKeys: string[] = [],
): Promise<{ pack: VerifiedPack; articles: Article[]; passages: Passage[] }> {
  const pack = await readPackFile(file, { trustedKeys, allowUnsigned: trustedKeys.length === 0 });
  return {
    pack,
    articles: jsonLines<Article>(pack.entry('content/articles.jsonl')),
    passages: jsonLines<Passage>(pack.entry('content/passages.jsonl')),
  };
}

/** `inloop <argv>` through the real CLI runner in `cwd` (lexical only): exit code and output. */
export async function runInloop(
  cwd: string,
  argv: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { INLOOP_EMBED_MODEL: 'none' },
    cwd,
    isTty: false,
  };
  const code = await runCli([...argv], commands, '1.0.0', io);
  return { code, out: out.join(''), err: err.join('') };
}
