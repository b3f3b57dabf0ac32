/**
 * The local ingest endpoint: `POST /v1/turns` on 127.0.0.1 lets a browser extension, a
 * userscript or a CTI connector push conversation turns. Bound to loopback only; every request
 * needs `Authorization: Bearer <per-install token>` and a loopback Host header (blocks DNS
 * rebinding). Errors are JSON `{ error: { code, message } }` with 400/401/403/404/405/413/415.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IngestTurnSchema } from '../../../shared/schemas/assist';
import { describeZodError } from '../../../shared/zod-issues';
import { isAllowedHost, tokensEqual } from '../core/loopback-guard';
import type { TurnSink } from './turn-sink';

export const INGEST_PATH = '/v1/turns';
/** Largest accepted body: a turn is at most 20,000 characters. */
export const MAX_INGEST_BYTES = 64 * 1024;

export interface IngestServerOptions {
  sink: TurnSink;
  /** Starts a new conversation (when a pushed `conversationId` changes). */
  startConversation(): void;
  token: string;
  /** 0 picks a free port. */
  port: number;
}

export interface IngestServer {
  readonly port: number;
  /** The turns URL, e.g. http://127.0.0.1:4478/v1/turns. */
  readonly url: string;
  close(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startIngestServer(options: IngestServerOptions): Promise<IngestServer> {
  let port = 0;
  let lastConversation: string | undefined;
  const server = createServer((req, res) => {
    handle(req)
      .then((body) => send(res, 202, body))
      .catch((error: unknown) => {
        const problem =
          error instanceof HttpProblem
            ? error
            : new HttpProblem(500, 'internal', `could not take the turn: ${String(error)}`);
        send(res, problem.status, { error: { code: problem.code, message: problem.message } });
      });
  });

  async function handle(req: IncomingMessage): Promise<unknown> {
    if (!isAllowedHost(req.headers.host, port)) {
      throw new HttpProblem(
        421,
        'misdirected',
        `host ${req.headers.host ?? '(none)'} is not this server`,
      );
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== INGEST_PATH)
      throw new HttpProblem(404, 'not_found', `no endpoint at ${path}; use POST ${INGEST_PATH}`);
    if (req.method !== 'POST')
      throw new HttpProblem(405, 'method_not_allowed', `use POST ${INGEST_PATH}`);
    const auth = req.headers.authorization ?? '';
    const given = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!given) {
      throw new HttpProblem(
        401,
        'unauthorized',
        'missing "Authorization: Bearer <token>"; get the token with `inloop assist --ingest-token`',
      );
    }
    if (!tokensEqual(given, options.token))
      throw new HttpProblem(403, 'forbidden', 'wrong ingest token');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      throw new HttpProblem(
        415,
        'unsupported_media_type',
        'send the turn as Content-Type: application/json',
      );
    }
    const raw = await readBody(req);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new HttpProblem(400, 'invalid_request', 'the body is not valid JSON');
    }
    const parsed = IngestTurnSchema.safeParse(json);
    if (!parsed.success)
      throw new HttpProblem(
        400,
        'invalid_request',
        describeZodError(parsed.error, json, { root: 'the body' }),
      );
    const { role, text, conversationId } = parsed.data;
    if (
      conversationId !== undefined &&
      lastConversation !== undefined &&
      conversationId !== lastConversation
    ) {
      options.startConversation();
    }
    if (conversationId !== undefined) lastConversation = conversationId;
    await options.sink.addTurn({ role, text, source: 'ingest' });
    return { ok: true };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}${INGEST_PATH}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_INGEST_BYTES) {
    req.resume();
    return Promise.reject(
      new HttpProblem(413, 'too_large', `the body is over ${MAX_INGEST_BYTES} bytes`),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_INGEST_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpProblem(413, 'too_large', `the body is over ${MAX_INGEST_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`${JSON.stringify(body)}\n`);
}
