/**
 * `inloop serve --diagnostics` for the soak, on 127.0.0.1 with a free port, its own data
 * folder and a stub page (the soak drives the API, not the UI): started as the CLI runs it
 * (tsx), with the URLs it prints and the ingest token it keeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../corpora';

export interface RunningServe {
  readonly pid: number;
  /** The app URL with its launch token. */
  readonly url: string;
  readonly ingestUrl: string;
  readonly ingestToken: string;
  /** The last lines the process wrote to stderr (for a failure's message). */
  stderrTail(): string;
  /** SIGTERM, then the exit code (serve closes its services first). */
  stop(): Promise<number | null>;
}

const CLI = join(root, 'electron', 'hosts', 'cli', 'main.ts');

function nodeWithTsx(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return spawn(process.execPath, ['--import', tsx, CLI, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The ingest token: in the data folder, or (with a keychain) as the CLI prints it. */
async function ingestToken(dataDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await readFile(join(dataDir, 'ingest-token'), 'utf8')).trim();
  } catch {
    const cli = nodeWithTsx(['assist', '--ingest-token', '--data-dir', dataDir], env);
    let out = '';
    cli.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => cli.once('exit', resolve));
    return out.trim();
  }
}

export async function startServe(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
}): Promise<RunningServe> {
  const rendererDir = join(options.dataDir, '..', 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Inloop soak</title>\n');
  const env = { ...options.env, INLOOP_INGEST_PORT: '0' };
  const child = nodeWithTsx(
    [
      'serve',
      '--port',
      '0',
      '--data-dir',
      options.dataDir,
      '--renderer-dir',
      rendererDir,
      '--diagnostics',
    ],
    env,
  );
  let stderr = '';
  let stdout = '';
  child.stderr!.on(
    'data',
    (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)),
  );
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const urls = await new Promise<{ url: string; ingestUrl: string }>((resolve, reject) => {
    const check = () => {
      const url = /ready at (\S+)/.exec(stdout)?.[1];
      const ingestUrl = /Ingest endpoint: POST (\S+)/.exec(stderr)?.[1];
      if (url && ingestUrl) resolve({ url, ingestUrl });
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    void exited.then((code) =>
      reject(new Error(`inloop serve exited (${code}):\n${stderr.slice(-2000)}`)),
    );
  });
  return {
    pid: child.pid!,
    ...urls,
    ingestToken: await ingestToken(options.dataDir, env),
    stderrTail: () => stderr.slice(-3000),
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
