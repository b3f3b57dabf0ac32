/**
 * Issue 16, items 1-2: nothing a local process sends to `inloop serve` may stop it. Each probe
 * runs against a real server in a child process (a crash there is the process exiting), and
 * afterwards the server must still answer, and a bystander's socket must still be open: an
 * error closes only the socket that caused it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { closeFrame, frame, rawUpgrade, rawWebSocket, textFrame } from './raw-socket';
import { call, serveProcess, type ServeProcess } from './serve-process';

let server: ServeProcess;

beforeAll(async () => {
  server = await serveProcess();
});
beforeEach(() => server.ensure());
afterAll(() => server.stop());

/** The server is alive, answers a fresh client, and `bystander` was left open. */
async function expectStillServing(bystander: WebSocket) {
  await new Promise((resolve) => setTimeout(resolve, 150)); // let a crash, if any, land
  expect(server.exited()).toBeNull();
  expect(bystander.readyState).toBe(WebSocket.OPEN);
  expect(await call(bystander, 7, 'app:info')).toMatchObject({ ok: true });
  const fresh = await server.connect();
  expect(await call(fresh, 1, 'app:info')).toMatchObject({ ok: true });
  fresh.close();
}

describe('inloop serve survives hostile local clients', () => {
  it('refused upgrades from clients that already left (probe 1: 20 without a token)', async () => {
    const bystander = await server.connect();
    for (let round = 0; round < 3; round++) {
      const raws = Array.from({ length: 20 }, () => rawUpgrade(server.port, '/api'));
      for (const raw of raws) raw.socket.resetAndDestroy();
      await Promise.all(raws.map((r) => r.ended));
    }
    await expectStillServing(bystander);
    bystander.close();
  });

  const probes: Array<[string, Buffer]> = [
    ['a message just over 1 MiB', textFrame(Buffer.alloc(1024 * 1024 + 1, 0x61))],
    ['a message of 17 MiB', textFrame(Buffer.alloc(17 * 1024 * 1024, 0x61))],
    ['invalid UTF-8', textFrame(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]))],
    ['an unmasked frame', frame({ opcode: 1, mask: false, payload: Buffer.from('{}') })],
    ['a bad opcode', frame({ opcode: 3, payload: Buffer.from('x') })],
    ['an RSV bit', frame({ opcode: 1, rsv: 4, payload: Buffer.from('{}') })],
    ['close code 999', closeFrame(999)],
    ['a fragmented control frame', frame({ opcode: 9, fin: false })],
    ['a continuation with nothing to continue', frame({ opcode: 0, payload: Buffer.from('x') })],
  ];
  for (const [name, bytes] of probes) {
    it(`closes only the socket that sends ${name} (probe 2)`, async () => {
      const bystander = await server.connect();
      const raw = await rawWebSocket(server.port, server.token);
      raw.socket.write(bytes);
      await raw.ended;
      await expectStillServing(bystander);
      bystander.close();
    });
  }

  it('survives a client that resets mid-message', async () => {
    const bystander = await server.connect();
    const raw = await rawWebSocket(server.port, server.token);
    raw.socket.write(textFrame(Buffer.alloc(200_000, 0x61)).subarray(0, 100_000));
    raw.socket.resetAndDestroy();
    await raw.ended;
    await expectStillServing(bystander);
    bystander.close();
  });
});
