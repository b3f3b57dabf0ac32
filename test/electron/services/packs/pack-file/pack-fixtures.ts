/**
 * A small pack and tools to build broken ones by hand: `assemblePack` frames whatever bytes it
 * is given, so tests can forge exactly the file an attacker would.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import type { PackManifest } from '../../../../../shared/packs/pack-schemas';
import type { PackFileInput } from '../../../../../electron/services/packs/pack-file/pack-writer';
import {
  PackFileError,
  type PackFileProblem,
} from '../../../../../electron/services/packs/pack-file/pack-file-error';
import { encodeHeader, u32 } from '../../../../../electron/services/packs/pack-file/pack-layout';
import { signManifest } from '../../../../../electron/services/packs/pack-file/pack-signature';
import { seededRandom } from '../../../../../shared/seeded-random';

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export const DIMENSION = 4;
export const PASSAGES = 3;

/** Three passages of four components each, with values a reader could get wrong. */
export const embeddingValues = Float32Array.from(
  { length: PASSAGES * DIMENSION },
  (_, i) => (i - 5) / 3 + (i === 7 ? 1e-30 : 0),
);

export function embeddingBytes(values: Float32Array = embeddingValues): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

export function sampleEntries(withEmbeddings = true): Array<{ path: string; data: Uint8Array }> {
  const entries = [
    {
      path: 'content/articles.jsonl',
      data: text('{"articleId":"billing/refunds","title":"Refunds"}\n'),
    },
    {
      path: 'content/passages.jsonl',
      data: text(
        [
          '#0 Refunds take 5–7 days.',
          '#1 Card refunds: ask for the last 4 digits.',
          '#2 Café crème',
        ]
          .map((t, i) => JSON.stringify({ id: `billing/refunds#${i}`, text: t }))
          .join('\n') + '\n',
      ),
    },
    {
      path: 'content/responses.json',
      data: text('[{"id":"greet","title":"Greeting","text":"Hi {{name}}"}]'),
    },
    { path: 'content/intents.json', data: text('[]') },
    {
      path: 'content/rules.json',
      data: text(
        '[{"id":"angry","reason":"Upset customer","severity":"high","phrases":["cancel"]}]',
      ),
    },
  ];
  return withEmbeddings
    ? [...entries, { path: 'index/embeddings.f32', data: embeddingBytes() }]
    : entries;
}

export function sampleInput(withEmbeddings = true): PackFileInput {
  return {
    manifest: {
      format: 1,
      pack: {
        id: 'acme-billing',
        name: 'Acme billing',
        version: '1.4.0',
        publisher: 'Acme Support Ops',
        description: 'Refunds and billing',
        language: 'en',
      },
      createdAt: '2025-01-02T03:04:05.000Z',
      counts: { articles: 1, passages: PASSAGES, responses: 1, intents: 0, rules: 1 },
      embedding: withEmbeddings ? { model: 'test-model', dimension: DIMENSION } : null,
    },
    entries: sampleEntries(withEmbeddings),
  };
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** An honest manifest for `entries`, then `edit` applied to it (to make it dishonest). */
export function manifestFor(
  entries: ReadonlyArray<{ path: string; data: Uint8Array }>,
  edit: (m: PackManifest) => void = () => {},
): PackManifest {
  const input = sampleInput(entries.some((e) => e.path === 'index/embeddings.f32'));
  const manifest: PackManifest = {
    ...structuredClone(input.manifest),
    entries: entries.map(({ path, data }) => ({
      path,
      sha256: sha256(data),
      size: data.byteLength,
    })),
  };
  edit(manifest);
  return manifest;
}

export interface AssembleOptions {
  manifest: unknown;
  /** Private key PEM to sign with, raw signature block bytes, or nothing (unsigned). */
  signature?: string | Uint8Array;
  /** Already-compressed entry bytes, framed in this order. */
  compressed: Uint8Array[];
  format?: number;
  magic?: Uint8Array;
  trailing?: Uint8Array;
}

/** Frames a pack byte for byte as the format says, with no checks at all. */
export function assemblePack(options: AssembleOptions): Uint8Array {
  const manifestBytes =
    options.manifest instanceof Uint8Array
      ? options.manifest
      : text(JSON.stringify(options.manifest));
  const signature =
    options.signature === undefined
      ? new Uint8Array(0)
      : typeof options.signature === 'string'
        ? signManifest(manifestBytes, options.signature)
        : options.signature;
  const header = encodeHeader(manifestBytes.byteLength, options.format);
  if (options.magic) header.set(options.magic, 0);
  const parts = [header, manifestBytes, u32(signature.byteLength), signature];
  for (const c of options.compressed) parts.push(u32(c.byteLength), c);
  if (options.trailing) parts.push(options.trailing);
  return Buffer.concat(parts);
}

export const deflate = (data: Uint8Array): Uint8Array => deflateRawSync(data);

/** An honest pack of `entries` with `edit` applied to the manifest, signed if a key is given. */
export function forgePack(
  entries: ReadonlyArray<{ path: string; data: Uint8Array }>,
  edit: (m: PackManifest) => void = () => {},
  signKeyPem?: string,
): Uint8Array {
  return assemblePack({
    manifest: manifestFor(entries, edit),
    signature: signKeyPem,
    compressed: entries.map((e) => deflate(e.data)),
  });
}

/** Awaits a refusal and returns it, failing the test unless it is a PackFileError. */
export async function refusal(promise: Promise<unknown>): Promise<PackFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the pack was accepted').toBeInstanceOf(PackFileError);
  return error as PackFileError;
}

/** Asserts a refusal with `problem` and a message matching `message`. */
export async function expectRefused(
  promise: Promise<unknown>,
  problem: PackFileProblem,
  message?: RegExp,
): Promise<PackFileError> {
  const error = await refusal(promise);
  expect({ problem: error.problem, message: error.message }).toMatchObject({
    problem,
    ...(message ? { message: expect.stringMatching(message) } : {}),
  });
  return error;
}

/** A temp folder for one test; call the returned `remove` in afterEach. */
export async function tempFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'inloop-pack-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export { seededRandom };
