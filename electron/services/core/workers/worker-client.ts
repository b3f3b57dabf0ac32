/**
 * A small typed client for one worker, a thread or a child process (worker-transport.ts;
 * Signal's SQL worker, VS Code's utility-process workers): every request gets an id, an
 * optional timeout and optional progress reports; errors thrown in the worker are rebuilt
 * here (name, message, code).
 *
 * The worker starts on the first request. If it crashes (an uncaught error, or it exits),
 * every in-flight request fails with `unavailable` naming the crash, and the next request
 * starts a fresh worker. A timeout fails only its own request (a late reply is dropped);
 * pass `restartOnTimeout` when a stuck worker should be replaced instead. An idle worker is
 * unref'd, so it never keeps a process alive on its own, and with `idleTimeoutMs` it is
 * stopped after that long idle (its memory given back), to start again on the next request.
 */
import type { ResourceLimits, Transferable } from 'node:worker_threads';
import { AppError } from '../../../../shared/result';
import { rebuildError, workerReplySchema, type WorkerRequestMessage } from './worker-protocol';
import { startTransport, type WorkerIsolation, type WorkerTransport } from './worker-transport';

export interface WorkerClientOptions {
  /** A short name for messages and logs, e.g. `embeddings`. */
  readonly name: string;
  /** The worker module (see `workerEntryUrl`): a `.ts` file under tsx, `.js` in the build. */
  readonly entry: URL;
  /** Passed to the worker as `workerData` (structured-cloned) on every (re)start. */
  readonly workerData?: unknown;
  /** Default timeout per request, in milliseconds; none when omitted. */
  readonly timeoutMs?: number;
  /** Terminate and replace the worker when a request times out. */
  readonly restartOnTimeout?: boolean;
  readonly resourceLimits?: ResourceLimits;
  /**
   * Stop the worker after this long without a request in flight, giving its memory (a model,
   * its runtime arenas) back; the next request starts it again. Off when omitted.
   */
  readonly idleTimeoutMs?: number;
  /** Environment for the worker; a copy of `process.env` when omitted. */
  readonly env?: NodeJS.ProcessEnv;
  /** A thread (default) or a child process (worker-transport.ts says when to pick which). */
  readonly isolation?: WorkerIsolation;
}

export interface RequestOptions<Progress> {
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: Progress) => void;
  readonly transfer?: readonly Transferable[];
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((progress: never) => void) | undefined;
  readonly timer: NodeJS.Timeout | undefined;
}

export class WorkerClient<Req, Res, Progress = never> {
  private worker: WorkerTransport | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private starts = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WorkerClientOptions) {}

  /** How many times a worker thread was started (1 after the first request; more after crashes). */
  get startCount(): number {
    return this.starts;
  }

  /** True while a worker thread is started (false before the first request and after an idle stop). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** The worker's process id while a process worker runs (null for a thread). */
  get pid(): number | null {
    return this.worker?.pid ?? null;
  }

  /** Requests sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Send one request; resolves with the worker's result or rejects with its rebuilt error. */
  request(payload: Req, options: RequestOptions<Progress> = {}): Promise<Res> {
    if (this.closed) {
      return Promise.reject(new AppError('unavailable', `${this.options.name} worker is closed`));
    }
    const worker = this.worker ?? this.start();
    worker.ref();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    return new Promise<Res>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => this.timeOut(id, timeoutMs), timeoutMs);
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: options.onProgress as ((progress: never) => void) | undefined,
        timer,
      });
      const message: WorkerRequestMessage = { type: 'request', id, payload };
      try {
        worker.post(message, options.transfer);
      } catch (error) {
        this.settle(id)?.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Fail whatever is in flight, stop the worker and wait until its thread has exited. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    this.failAll(new AppError('unavailable', `${this.options.name} worker was closed`));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): WorkerTransport {
    const { entry, workerData, resourceLimits, env } = this.options;
    const worker = startTransport(this.options.isolation ?? 'thread', {
      entry,
      workerData,
      resourceLimits,
      env: env ?? { ...process.env },
    });
    this.starts++;
    worker.onMessage((message: unknown) => this.onMessage(message));
    worker.onError((error) => this.onCrash(worker, `crashed: ${error.message}`));
    worker.onExit((code) => this.onCrash(worker, `exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private onMessage(message: unknown): void {
    const parsed = workerReplySchema.safeParse(message);
    if (!parsed.success) return; // not ours (e.g. a library posting on the port): ignore
    const reply = parsed.data;
    switch (reply.type) {
      case 'progress':
        this.pending.get(reply.id)?.onProgress?.(reply.progress as never);
        return;
      case 'result':
        this.settle(reply.id)?.resolve(reply.value);
        return;
      case 'error':
        this.settle(reply.id)?.reject(rebuildError(reply.error, this.options.name));
        return;
    }
  }

  private onCrash(worker: WorkerTransport, what: string): void {
    if (this.worker !== worker) return; // an old worker we already replaced or closed
    this.worker = null;
    void worker.terminate();
    this.failAll(
      new AppError(
        'unavailable',
        `${this.options.name} worker ${what}; the request was not completed (the next request starts a new worker)`,
      ),
    );
  }

  private timeOut(id: number, timeoutMs: number): void {
    const pending = this.settle(id);
    if (!pending) return;
    pending.reject(
      new AppError('timeout', `${this.options.name} worker did not answer within ${timeoutMs} ms`),
    );
    if (this.options.restartOnTimeout && this.worker) {
      const worker = this.worker;
      this.onCrash(worker, `was restarted after a ${timeoutMs} ms timeout`);
    }
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    if (pending.timer) clearTimeout(pending.timer);
    // An idle worker does not keep the process alive (a CLI command that forgot close() exits).
    if (this.pending.size === 0 && this.worker) {
      this.worker.unref();
      this.scheduleIdleStop();
    }
    return pending;
  }

  private scheduleIdleStop(): void {
    const ms = this.options.idleTimeoutMs;
    if (ms === undefined) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      const worker = this.worker;
      if (!worker || this.pending.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, ms);
    this.idleTimer.unref();
  }

  private failAll(error: AppError): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }
}
