import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../../shared/result';
import { WorkerClient } from '../../../../../electron/services/core/workers/worker-client';
import type { TestRequest } from './fixtures/test-worker';

const entry = new URL('./fixtures/test-worker.ts', import.meta.url);
let clients: WorkerClient<TestRequest, unknown, number>[] = [];

function client(
  options: {
    timeoutMs?: number;
    restartOnTimeout?: boolean;
    workerData?: unknown;
    idleTimeoutMs?: number;
    isolation?: 'thread' | 'process';
  } = {},
) {
  const created = new WorkerClient<TestRequest, unknown, number>({
    name: 'test',
    entry,
    ...options,
  });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  clients = [];
});

describe('WorkerClient', () => {
  it('answers concurrent requests by id, each with its own value', async () => {
    const worker = client();
    const answers = await Promise.all([
      worker.request({ kind: 'sleep', ms: 60, value: 'slow' }),
      worker.request({ kind: 'echo', value: { texts: ['a', 'b'] } }),
      worker.request({ kind: 'sleep', ms: 5, value: 'fast' }),
    ]);
    expect(answers).toEqual(['slow', { texts: ['a', 'b'] }, 'fast']);
    expect(worker.startCount).toBe(1);
  });

  it('passes workerData to the worker', async () => {
    const worker = client({ workerData: { modelId: 'inloop-test/minilm-tiny-random' } });
    expect(await worker.request({ kind: 'worker-data' })).toEqual({
      modelId: 'inloop-test/minilm-tiny-random',
    });
  });

  it('delivers progress reports in order before the result', async () => {
    const worker = client();
    const seen: number[] = [];
    const result = await worker.request(
      { kind: 'count', to: 5 },
      { onProgress: (n) => seen.push(n) },
    );
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(result).toBe(5);
  });

  it('rebuilds an AppError thrown in the worker with its code and message', async () => {
    const error = await client()
      .request({ kind: 'app-error' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'not_found', message: 'no such passage: p-42' });
  });

  it('rebuilds any other error with its name and message', async () => {
    const error = await client()
      .request({ kind: 'type-error' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
    expect(error).toMatchObject({ name: 'TypeError', message: 'texts must be strings' });
    expect((error as Error).stack).toContain('in worker test');
  });

  it('fails a request that is not answered in time with timeout, and keeps the worker', async () => {
    const worker = client({ timeoutMs: 100 });
    // Warm up first (a per-request timeout overrides the default): starting a thread under tsx
    // on a busy machine can take longer than the timeout under test.
    await worker.request({ kind: 'echo', value: 0 }, { timeoutMs: 60_000 });
    await expect(worker.request({ kind: 'sleep', ms: 1_000, value: 'late' })).rejects.toMatchObject(
      {
        code: 'timeout',
        message: expect.stringContaining('100 ms'),
      },
    );
    expect(await worker.request({ kind: 'echo', value: 1 }, { timeoutMs: 60_000 })).toBe(1);
    expect(worker.startCount).toBe(1);
  });

  it('replaces a stuck worker after a timeout when asked to', async () => {
    const worker = client({ restartOnTimeout: true });
    await worker.request({ kind: 'echo', value: 'warm' });
    await expect(worker.request({ kind: 'hang' }, { timeoutMs: 200 })).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(await worker.request({ kind: 'echo', value: 'fresh' })).toBe('fresh');
    expect(worker.startCount).toBe(2);
  });

  it('fails every in-flight request with a clear error when the worker crashes, then respawns', async () => {
    const worker = client();
    const waiting = worker.request({ kind: 'sleep', ms: 5_000, value: 'never' });
    const crashing = worker.request({ kind: 'crash' });
    for (const request of [waiting, crashing]) {
      await expect(request).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/test worker crashed: boom in the worker/),
      });
    }
    expect(worker.inFlight).toBe(0);
    expect(await worker.request({ kind: 'echo', value: 'again' })).toBe('again');
    expect(worker.startCount).toBe(2);
  });

  it('treats a worker that exits as a crash', async () => {
    const worker = client();
    await expect(worker.request({ kind: 'exit' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('exited with code 3'),
    });
    expect(await worker.request({ kind: 'echo', value: 2 })).toBe(2);
  });

  it('stops an idle worker after idleTimeoutMs, never one with a request in flight, and restarts it', async () => {
    const worker = client({ idleTimeoutMs: 150 });
    // Longer than the idle time: the worker is busy, so it stays.
    expect(await worker.request({ kind: 'sleep', ms: 400, value: 'done' })).toBe('done');
    expect(worker.running).toBe(true);
    expect(worker.startCount).toBe(1);
    await vi.waitFor(() => expect(worker.running).toBe(false), { timeout: 5_000, interval: 20 });
    expect(await worker.request({ kind: 'echo', value: 'back' })).toBe('back');
    expect(worker.startCount).toBe(2);
  });

  it('close() fails what is in flight, stops the thread, and refuses later requests', async () => {
    const worker = client();
    await worker.request({ kind: 'echo', value: 0 });
    const waiting = worker.request({ kind: 'sleep', ms: 5_000, value: 'never' }).catch((e) => e);
    await worker.close();
    await expect(waiting).resolves.toMatchObject({ code: 'unavailable', message: /closed/ });
    await expect(worker.request({ kind: 'echo', value: 1 })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('reports a worker module that cannot load as unavailable', async () => {
    const missing = new WorkerClient<TestRequest, unknown>({
      name: 'missing',
      entry: new URL('./fixtures/no-such-worker.ts', import.meta.url),
    });
    clients.push(missing as never);
    await expect(missing.request({ kind: 'echo', value: 1 })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('missing worker crashed'),
    });
  });
});

describe('WorkerClient with a process worker', () => {
  const processClient = (options: { idleTimeoutMs?: number; workerData?: unknown } = {}) =>
    client({ ...options, isolation: 'process' });

  it('runs the worker in a child process, answers by id and passes workerData', async () => {
    const worker = processClient({ workerData: { modelId: 'inloop-test/minilm-tiny-random' } });
    const answers = await Promise.all([
      worker.request({ kind: 'sleep', ms: 60, value: 'slow' }),
      worker.request({ kind: 'echo', value: new Float32Array([0.5, 1.5]) }),
      worker.request({ kind: 'worker-data' }),
    ]);
    expect(answers).toEqual([
      'slow',
      new Float32Array([0.5, 1.5]),
      { modelId: 'inloop-test/minilm-tiny-random' },
    ]);
    expect(worker.pid).toEqual(expect.any(Number));
    expect(worker.pid).not.toBe(process.pid);
  });

  it('rebuilds errors and reports progress across the process boundary', async () => {
    const worker = processClient();
    await expect(worker.request({ kind: 'app-error' })).rejects.toMatchObject({
      code: 'not_found',
      message: 'no such passage: p-42',
    });
    const seen: number[] = [];
    await worker.request({ kind: 'count', to: 3 }, { onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('fails in-flight requests when the process dies, then starts a new one', async () => {
    const worker = processClient();
    const first = worker.pid ?? (await worker.request({ kind: 'echo', value: 0 }), worker.pid);
    await expect(worker.request({ kind: 'crash' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/test worker exited with code 1/),
    });
    expect(await worker.request({ kind: 'echo', value: 'again' })).toBe('again');
    expect(worker.pid).not.toBe(first);
  });

  it('ends the process when idle, and on close', async () => {
    const worker = processClient({ idleTimeoutMs: 150 });
    await worker.request({ kind: 'echo', value: 1 });
    const pid = worker.pid!;
    await vi.waitFor(() => expect(worker.running).toBe(false), { timeout: 5_000, interval: 20 });
    const gone = (id: number) => () => expect(() => process.kill(id, 0)).toThrow();
    await vi.waitFor(gone(pid), { timeout: 5_000, interval: 20 });
    await worker.request({ kind: 'echo', value: 2 });
    const second = worker.pid!;
    await worker.close();
    await vi.waitFor(gone(second), { timeout: 5_000, interval: 20 });
  });
});
