/**
 * How a `WorkerClient` reaches its worker: a thread (`node:worker_threads`, the default: cheap
 * to start, messages by structured clone with transfer) or a child process (`fork` with the
 * IPC channel in advanced serialization: typed arrays cross as they are). A process costs a
 * Node runtime of its own while it runs, but when it exits every byte it used goes back to the
 * system; a thread's native allocations (an ONNX model, its runtime arenas) stay in the
 * parent's allocator after the thread ends. Workers that load a model and stop when idle run
 * as processes for that reason.
 *
 * Under Electron a forked child is Electron running as plain Node (`ELECTRON_RUN_AS_NODE`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { workerExecArgv } from './worker-entry';

/** Where a worker runs. */
export type WorkerIsolation = 'thread' | 'process';

/** The environment variable a process worker reads its `workerData` from (JSON). */
export const WORKER_DATA_ENV = 'INLOOP_WORKER_DATA';

/** A started worker, whichever way it runs. */
export interface WorkerTransport {
  post(message: unknown, transfer?: readonly Transferable[]): void;
  onMessage(listener: (message: unknown) => void): void;
  onError(listener: (error: Error) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Keep the parent alive while requests are in flight; let it exit when idle. */
  ref(): void;
  unref(): void;
  terminate(): Promise<void>;
  /** The child's pid, for a process worker. */
  readonly pid: number | null;
}

export interface StartOptions {
  readonly entry: URL;
  readonly workerData?: unknown;
  readonly resourceLimits?: ResourceLimits;
  readonly env: NodeJS.ProcessEnv;
}

function threadTransport(options: StartOptions): WorkerTransport {
  const worker = new Worker(options.entry, {
    workerData: options.workerData,
    execArgv: workerExecArgv(options.entry),
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    env: options.env,
  });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', listener),
    onExit: (listener) => worker.on('exit', listener),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: async () => {
      await worker.terminate();
    },
    pid: null,
  };
}

function processTransport(options: StartOptions): WorkerTransport {
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    [WORKER_DATA_ENV]: JSON.stringify(options.workerData ?? null),
    ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}),
  };
  const child: ChildProcess = fork(fileURLToPath(options.entry), [], {
    execArgv: workerExecArgv(options.entry),
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    post: (message) => {
      child.send(message as never);
    },
    onMessage: (listener) => child.on('message', listener),
    onError: (listener) => child.on('error', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    ref: () => {
      child.ref();
      child.channel?.ref();
    },
    unref: () => {
      child.unref();
      child.channel?.unref();
    },
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // Referenced again: an idle (unref'd) child would not keep this process waiting for it.
        child.ref();
        child.kill();
      }
      await exited;
    },
    pid: child.pid ?? null,
  };
}

/** Starts the worker at `options.entry` as a thread or a process. */
export function startTransport(isolation: WorkerIsolation, options: StartOptions): WorkerTransport {
  return isolation === 'process' ? processTransport(options) : threadTransport(options);
}
