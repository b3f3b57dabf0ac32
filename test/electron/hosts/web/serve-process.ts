/**
 * A real `inloop serve` host in a child process (serve-child.ts) for the crash probes and the
 * WebSocket fuzzing: a probe that crashes it shows as the process exiting, with its stderr.
 * `ensure()` starts a fresh one when the last probe took the previous one down.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { Result } from '../../../../shared/result';

const child = join(import.meta.dirname, 'serve-child.ts');

export interface ServeProcess {
  readonly port: number;
  readonly token: string;
  /** Why the server exited, or null while it runs. */
  exited(): string | null;
  /** Starts a server if none runs. */
  ensure(): Promise<void>;
  /** An authenticated API client. */
  connect(): Promise<WebSocket>;
  stop(): Promise<void>;
}

export async function serveProcess(): Promise<ServeProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'inloop-serve-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Inloop</title>');
  let proc: ChildProcess | null = null;
  let exited: string | null = null;
  let port = 0;
  let token = '';

  const ensure = async () => {
    if (proc && exited === null) return;
    exited = null;
    const started = spawn(
      process.execPath,
      ['--import', 'tsx', child, join(dir, 'data'), join(dir, 'renderer')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc = started;
    let stderr = '';
    started.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    started.on('exit', (code, signal) => {
      if (proc === started) exited = `exit ${code ?? signal}: ${stderr.slice(-2000)}`;
    });
    ({ port, token } = await new Promise<{ port: number; token: string }>((resolve, reject) => {
      let out = '';
      started.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      started.on('exit', () => reject(new Error(exited ?? 'exited')));
    }));
  };

  await ensure();
  return {
    get port() {
      return port;
    },
    get token() {
      return token;
    },
    exited: () => exited,
    ensure,
    connect: () =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, {
          origin: `http://127.0.0.1:${port}`,
        });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      }),
    stop: async () => {
      proc?.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The response to request `id` on `ws`. */
export function call(
  ws: WebSocket,
  id: number,
  channel: string,
  payload?: unknown,
): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'response' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'request', id, channel, payload }));
  });
}
