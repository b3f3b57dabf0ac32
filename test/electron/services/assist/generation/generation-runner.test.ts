/**
 * The generated reply against a real local HTTP server started here that speaks the
 * OpenAI-compatible SSE protocol (the one stand-in of these tests: no LLM runs on this machine).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redact } from '../../../../../shared/assist/pii/redact';
import type { GenerationState } from '../../../../../shared/schemas/assist';
import { defaultSettings, type Settings } from '../../../../../shared/schemas/settings';
import { createIndexKnowledge } from '../../../../../electron/services/assist/assist-knowledge';
import { AssistService } from '../../../../../electron/services/assist/assist-service';
import { FeedbackLog } from '../../../../../electron/services/assist/feedback-log';
import { checkEndpoint } from '../../../../../electron/services/assist/generation/endpoint-policy';
import { GenerationRunner } from '../../../../../electron/services/assist/generation/generation-runner';
import { EventBus } from '../../../../../electron/services/core/event-bus';
import { createMemorySecretStore } from '../../../../../electron/services/secrets/memory-secret-store';
import { retailPack } from '../fixture-pack';

let http: Server;
let base: string;
let received: { auth?: string; body: { stream?: boolean; messages: { content: string }[] } }[];
let stall: boolean;
let dir: string;

beforeEach(async () => {
  received = [];
  stall = false;
  dir = await mkdtemp(join(tmpdir(), 'inloop-gen-'));
  http = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(body) as never });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const pieces = ['Your parcel ', 'is on its way.'];
      for (const piece of pieces)
        res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: piece } }] })}\n\n`);
      if (stall) return; // keep the stream open: the test cancels it
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`;
});
afterEach(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function setup(settings: Settings) {
  const bus = new EventBus();
  const events: GenerationState[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'assist:generation') events.push(payload as GenerationState);
  });
  const assist = new AssistService({
    bus,
    knowledge: createIndexKnowledge([retailPack]),
    feedback: FeedbackLog.in(dir, () => false),
    idleTimeoutMinutes: () => 15,
  });
  const secrets = createMemorySecretStore();
  await secrets.set('llm-api-key', 'sk-local');
  const runner = new GenerationRunner({
    bus,
    assist,
    secrets,
    settings: () => settings,
    redact: (text) => redact(text).text,
  });
  await assist.addTurn({
    role: 'customer',
    text: 'Where is my order? Mail me at jo@example.com',
    source: 'typed',
  });
  return { runner, events };
}

const enabled = (endpoint: string): Settings => ({
  ...defaultSettings,
  assist: { ...defaultSettings.assist, generationEnabled: true, generationEndpoint: endpoint },
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('generated reply', () => {
  it('streams from the endpoint with the key, redacted, labelled with its sources', async () => {
    const { runner, events } = await setup(enabled(base));
    await runner.start();
    await until(() => events.at(-1)?.status === 'done');
    expect(events.at(-1)).toMatchObject({ status: 'done', text: 'Your parcel is on its way.' });
    expect(events.at(-1)?.citations?.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.status === 'streaming').length).toBeGreaterThan(1);
    expect(received[0]?.auth).toBe('Bearer sk-local');
    expect(received[0]?.body.stream).toBe(true);
    expect(JSON.stringify(received[0]?.body)).not.toContain('jo@example.com');
  });

  it('stops when cancelled', async () => {
    stall = true;
    const { runner, events } = await setup(enabled(base));
    await runner.start();
    await until(() => events.some((e) => e.text.length > 0));
    expect(runner.cancel()).toEqual({ cancelled: true });
    await until(() => events.at(-1)?.status === 'cancelled');
    expect(events.at(-1)?.status).toBe('cancelled');
  });

  it('sends nothing when off or to a host that is neither loopback nor allowed', async () => {
    expect(checkEndpoint(defaultSettings)).toMatchObject({ ok: false });
    const cloud = enabled('https://llm.example.com/v1');
    expect(checkEndpoint(cloud)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/llm\.example\.com/),
    });
    const allowed = {
      ...cloud,
      privacy: { ...cloud.privacy, allowedEndpointHosts: ['llm.example.com'] },
    };
    expect(checkEndpoint(allowed)).toMatchObject({ ok: true, loopback: false });
    const { runner } = await setup(cloud);
    await expect(runner.start()).rejects.toMatchObject({ code: 'unavailable' });
    expect(received).toHaveLength(0);
  });
});
