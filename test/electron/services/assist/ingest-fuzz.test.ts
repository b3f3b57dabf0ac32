/**
 * Keep it so (issue 16): random requests to the ingest endpoint over real HTTP. Whatever the
 * method, path, headers and body, the answer is JSON with a documented status; a turn is
 * taken (202) exactly when the request is a well-formed, authorised turn, and only then does
 * the sink see it. Seeded per run (the seed is printed).
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INGEST_PATH,
  MAX_INGEST_BYTES,
  startIngestServer,
  type IngestServer,
} from '../../../../electron/services/assist/ingest-server';
import type { IncomingTurn } from '../../../../electron/services/assist/turn-sink';
import { IngestTurnSchema } from '../../../../shared/schemas/assist';
import { fuzzRun } from '../../../fuzz-run';

const token = 'fuzz-token-0123456789abcdef';
let server: IngestServer;
const taken: IncomingTurn[] = [];

beforeAll(async () => {
  server = await startIngestServer({
    sink: { addTurn: async (turn) => void taken.push(turn) },
    startConversation: () => undefined,
    token,
    port: 0,
  });
});
afterAll(() => server.close());

interface Sent {
  method: string;
  path: string;
  auth: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

function send(req: Sent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${server.port}` };
    if (req.auth !== undefined) headers.authorization = req.auth;
    if (req.contentType !== undefined) headers['content-type'] = req.contentType;
    const r = request(
      { host: '127.0.0.1', port: server.port, method: req.method, path: req.path, headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

const validTurn = fc.record({
  role: fc.constantFrom('customer', 'agent'),
  text: fc.string({ minLength: 1, maxLength: 300 }).filter((t) => t.trim() !== ''),
  conversationId: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
});
const body = fc.oneof(
  validTurn.map((t) => Buffer.from(JSON.stringify(t))),
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))),
  fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.constant(Buffer.alloc(MAX_INGEST_BYTES + 10, 0x61)),
);
const sent = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS'),
  path: fc.oneof(
    fc.constant(INGEST_PATH),
    fc.constant(INGEST_PATH),
    fc.constantFrom('/', '/v1', '/v1/turns/x', '/v1/turns?x=1'),
  ),
  auth: fc.oneof(
    fc.constant(`Bearer ${token}`),
    fc.constant(`Bearer ${token}`),
    fc.constant(undefined),
    fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
  ),
  contentType: fc.oneof(
    fc.constant('application/json'),
    fc.constant('application/json; charset=utf-8'),
    fc.constant(undefined),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded'),
  ),
  body,
});

/** Whether the endpoint must take this request as a turn. */
function acceptable(req: Sent): boolean {
  if (req.method !== 'POST' || new URL(req.path, 'http://x').pathname !== INGEST_PATH) return false;
  if (req.auth !== `Bearer ${token}`) return false;
  if (!/^application\/json\b/i.test(req.contentType ?? '')) return false;
  if (req.body.length > MAX_INGEST_BYTES) return false;
  try {
    return IngestTurnSchema.safeParse(JSON.parse(req.body.toString('utf8'))).success;
  } catch {
    return false;
  }
}

describe('the ingest endpoint under random requests', () => {
  it('answers JSON with a documented status, and takes exactly the valid turns', async () => {
    await fc.assert(
      fc.asyncProperty(sent, async (req) => {
        const before = taken.length;
        const { status, body: text } = await send(req);
        expect([202, 400, 401, 403, 404, 405, 409, 413, 415]).toContain(status);
        const json = JSON.parse(text) as { ok?: true; error?: { code: string; message: string } };
        const ok = acceptable(req);
        expect(status === 202, `status ${status}: ${text}`).toBe(ok);
        expect(taken.length - before).toBe(ok ? 1 : 0);
        if (!ok) expect(json.error?.message).toEqual(expect.any(String));
      }),
      fuzzRun('ingest requests', { runs: 300, ms: 15_000 }),
    );
  }, 60_000);
});
