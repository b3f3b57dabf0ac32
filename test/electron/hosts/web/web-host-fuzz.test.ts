/**
 * Keep it so (issue 16): random WebSocket frames and random API messages against a real
 * `inloop serve` in a child process. Whatever a client sends (any opcode, RSV bits, masked or
 * not, fragmented, cut short, any JSON or none), the server must stay up, answer a fresh
 * client, and leave a bystander's socket open. Seeded per run (the seed is printed).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { fuzzRun } from '../../../fuzz-run';
import { frame, rawWebSocket, textFrame } from './raw-socket';
import { call, serveProcess, type ServeProcess } from './serve-process';

let server: ServeProcess;
let bystander: WebSocket;

beforeAll(async () => {
  server = await serveProcess();
});
// Each property starts on a running server with an open bystander.
beforeEach(async () => {
  await server.ensure();
  if (!bystander || bystander.readyState !== bystander.OPEN) bystander = await server.connect();
});
afterAll(async () => {
  bystander.close();
  await server.stop();
});

const frameArb = fc.record({
  fin: fc.boolean(),
  rsv: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 7 })),
  opcode: fc.oneof(fc.constantFrom(0, 1, 2, 8, 9, 10), fc.integer({ min: 0, max: 15 })),
  mask: fc.oneof(fc.constant(true), fc.boolean()),
  payload: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
});

/** Sends `bytes` on a fresh authenticated connection, waits a moment, and hangs up. */
async function sendRaw(bytes: Buffer): Promise<void> {
  const raw = await rawWebSocket(server.port, server.token);
  raw.socket.write(bytes);
  await Promise.race([raw.ended, new Promise((resolve) => setTimeout(resolve, 60))]);
  raw.socket.destroy();
}

let probe = 0;
/** The server still runs, answers a new client, and the bystander's socket is untouched. */
async function stillServing(): Promise<boolean> {
  if (server.exited() !== null) return false;
  const answer = await Promise.race([
    call(bystander, ++probe, 'app:info'),
    new Promise<{ ok: false }>((resolve) => setTimeout(() => resolve({ ok: false }), 2000)),
  ]);
  return answer.ok === true && server.exited() === null;
}

describe('inloop serve under random input', () => {
  it('survives any sequence of frames, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(frameArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (frames, cut) => {
          let bytes = Buffer.concat(frames.map((f) => frame(f)));
          if (cut !== undefined) bytes = bytes.subarray(0, cut % (bytes.length + 1));
          await sendRaw(bytes);
          expect(await stillServing(), server.exited() ?? 'no answer').toBe(true);
        },
      ),
      fuzzRun('websocket frames', { runs: 60, ms: 12_000 }),
    );
  }, 60_000);

  it('answers or closes on any message, and keeps serving', async () => {
    const channel = fc.oneof(
      fc.constantFrom('app:info', 'settings:get', 'settings:update', 'packs:list', 'nope:nope'),
      fc.string({ maxLength: 30 }),
    );
    const message = fc.oneof(
      fc.record({
        type: fc.constant('request'),
        id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()),
        channel,
        payload: fc.jsonValue({ maxDepth: 3 }),
      }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const text = fc.oneof(
      message.map((m) => JSON.stringify(m)),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (texts) => {
        await sendRaw(Buffer.concat(texts.map((t) => textFrame(t))));
        expect(await stillServing(), server.exited() ?? 'no answer').toBe(true);
      }),
      fuzzRun('websocket messages', { runs: 60, ms: 12_000 }),
    );
  }, 60_000);
});
