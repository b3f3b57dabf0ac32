/** The ingest endpoint over real HTTP on 127.0.0.1, with a recording turn sink. */
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingTurn } from '../../../../electron/services/assist/turn-sink';
import {
  MAX_INGEST_BYTES,
  startIngestServer,
  type IngestServer,
} from '../../../../electron/services/assist/ingest-server';
import {
  checkTurnCap,
  MAX_CONVERSATION_TURNS,
} from '../../../../electron/services/assist/turn-window';

const token = 'test-token-0123456789abcdef';
let server: IngestServer;
let turns: IncomingTurn[];
let starts: number;

beforeEach(async () => {
  turns = [];
  starts = 0;
  server = await startIngestServer({
    sink: { addTurn: async (turn) => void turns.push(turn) },
    startConversation: () => void (starts += 1),
    token,
    port: 0,
  });
});
afterEach(() => server.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });

describe('ingest endpoint', () => {
  it('takes a turn with the token and marks it as ingested', async () => {
    const response = await post(JSON.stringify({ role: 'customer', text: 'Where is my order?' }));
    expect(response.status).toBe(202);
    expect(turns).toEqual([{ role: 'customer', text: 'Where is my order?', source: 'ingest' }]);
  });

  it('refuses a missing token (401) and a wrong one (403) with JSON errors', async () => {
    const missing = await fetch(server.url, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const wrong = await post('{}', { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(403);
    expect(turns).toHaveLength(0);
  });

  it('names the problem of a malformed turn (400) and refuses a huge body (413)', async () => {
    const bad = await post(JSON.stringify({ role: 'supervisor', text: 'hi' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/role/);
    const notJson = await post('{role');
    expect(notJson.status).toBe(400);
    const huge = await post(
      JSON.stringify({ role: 'customer', text: 'x'.repeat(MAX_INGEST_BYTES) }),
    );
    expect(huge.status).toBe(413);
    expect(turns).toHaveLength(0);
  });

  it('answers only POST /v1/turns and only JSON', async () => {
    expect((await fetch(server.url)).status).toBe(405);
    expect(
      (await fetch(server.url.replace('/v1/turns', '/v1/other'), { method: 'POST' })).status,
    ).toBe(404);
    expect((await post('role=customer', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('starts a new conversation when the pushed conversation id changes', async () => {
    await post(JSON.stringify({ role: 'customer', text: 'one', conversationId: 'a' }));
    await post(JSON.stringify({ role: 'customer', text: 'two', conversationId: 'a' }));
    expect(starts).toBe(0);
    await post(JSON.stringify({ role: 'customer', text: 'three', conversationId: 'b' }));
    expect(starts).toBe(1);
  });

  it('answers 409 with the reason when the conversation is full', async () => {
    const full = await startIngestServer({
      sink: { addTurn: async () => checkTurnCap(MAX_CONVERSATION_TURNS) },
      startConversation: () => undefined,
      token,
      port: 0,
    });
    try {
      const response = await fetch(full.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ role: 'customer', text: 'Hello?' }),
      });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({
        error: { code: 'conflict', message: expect.stringContaining('new conversationId') },
      });
    } finally {
      await full.close();
    }
  });

  it('answers a request the HTTP parser cannot read with a JSON 400 (found by fuzzing)', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.end(`OPTIONS /v1/turns HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n `);
    });
    expect(reply).toContain('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(reply.slice(reply.lastIndexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'invalid_request' },
    });
  });
});
