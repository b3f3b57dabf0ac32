/**
 * The worker side of `WorkerClient`: call `serveWorkerRequests(handler)` once at the top of a
 * worker module. Each request runs `handler(payload, progress)`; its value (or its error, as
 * `{ name, message, code }`) is posted back under the request's id.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError, workerRequestSchema, type WorkerReply } from './worker-protocol';

export type WorkerHandler<Req, Res, Progress = never> = (
  payload: Req,
  progress: (report: Progress) => void,
) => Promise<Res> | Res;

/** Answer the parent's requests with `handler`, concurrently, until the thread is stopped. */
export function serveWorkerRequests<Req, Res, Progress = never>(
  handler: WorkerHandler<Req, Res, Progress>,
): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerRequests must run inside a worker thread');
  const post = (reply: WorkerReply) => port.postMessage(reply);
  port.on('message', (message: unknown) => {
    const parsed = workerRequestSchema.safeParse(message);
    if (!parsed.success) return;
    const { id, payload } = parsed.data;
    const progress = (report: Progress) => post({ type: 'progress', id, progress: report });
    Promise.resolve()
      .then(() => handler(payload as Req, progress))
      .then((value) => post({ type: 'result', id, value }))
      // A thrown error, or a value that cannot be structured-cloned: either way, an error reply.
      .catch((error: unknown) => post({ type: 'error', id, error: serializeError(error) }));
  });
}
