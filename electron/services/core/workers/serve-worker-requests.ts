/**
 * The worker side of `WorkerClient`: call `serveWorkerRequests(handler)` once at the top of a
 * worker module, and read what it was started with through `workerInput()`. It serves a
 * thread (the parent port) or a child process (the IPC channel) alike. Each request runs
 * `handler(payload, progress)`; its value (or its error, as `{ name, message, code }`) is
 * posted back under the request's id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError, workerRequestSchema, type WorkerReply } from './worker-protocol';
import { WORKER_DATA_ENV } from './worker-transport';

export type WorkerHandler<Req, Res, Progress = never> = (
  payload: Req,
  progress: (report: Progress) => void,
) => Promise<Res> | Res;

/** What the client passed as `workerData`, in a thread or a process worker. */
export function workerInput(): unknown {
  if (parentPort) return workerData as unknown;
  const raw = process.env[WORKER_DATA_ENV];
  return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
}

/** A way to receive requests and post replies: the parent port or the process's IPC channel. */
function channel(): { post(reply: WorkerReply): void; listen(on: (m: unknown) => void): void } {
  const port = parentPort;
  if (port)
    return { post: (reply) => port.postMessage(reply), listen: (on) => port.on('message', on) };
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveWorkerRequests must run in a worker thread or a forked process');
  // The parent went away (closed, crashed): nothing is left to serve.
  process.once('disconnect', () => process.exit(0));
  return { post: (reply) => send(reply), listen: (on) => process.on('message', on) };
}

/** Answer the parent's requests with `handler`, concurrently, until the worker is stopped. */
export function serveWorkerRequests<Req, Res, Progress = never>(
  handler: WorkerHandler<Req, Res, Progress>,
): void {
  const { post, listen } = channel();
  listen((message: unknown) => {
    const parsed = workerRequestSchema.safeParse(message);
    if (!parsed.success) return;
    const { id, payload } = parsed.data;
    const progress = (report: Progress) => post({ type: 'progress', id, progress: report });
    Promise.resolve()
      .then(() => handler(payload as Req, progress))
      .then((value) => post({ type: 'result', id, value }))
      // A thrown error, or a value that cannot be serialised: either way, an error reply.
      .catch((error: unknown) => post({ type: 'error', id, error: serializeError(error) }));
  });
}
