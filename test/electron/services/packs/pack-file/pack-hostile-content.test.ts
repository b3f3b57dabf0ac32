import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import {
  generateSigningKeys,
  readPackFile,
} from '../../../../../electron/services/packs/pack-file';
import {
  assemblePack,
  deflate,
  DIMENSION,
  embeddingBytes,
  embeddingValues,
  expectRefused,
  forgePack,
  manifestFor,
  PASSAGES,
  sampleEntries,
  text,
} from './pack-fixtures';

/** Bombs and hostile content, signed by a trusted publisher: trust excuses no danger. */
const publisher = generateSigningKeys();
const trusted = { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false };
const read = (bytes: Uint8Array) => readPackFile(bytes, trusted);
const entries = sampleEntries();
const compressed = entries.map((e) => deflate(e.data));
const GiB = 1024 ** 3;

describe('decompression bombs', () => {
  it('stops inflating at the declared size: 500 bytes that inflate to 512 KiB while declaring 10', async () => {
    const bomb = deflateRawSync(Buffer.alloc(512 * 1024));
    expect(bomb.length).toBeLessThan(600);
    const bytes = forgeWithCompressed(0, bomb, 10);
    await expectRefused(
      read(bytes),
      'corrupt_entry',
      /inflates to more than its declared 10 bytes/,
    );
  });

  it('refuses 100 MB of zeros declaring 10 bytes without inflating it', async () => {
    const bomb = deflateRawSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
    const started = performance.now();
    await expectRefused(
      read(forgeWithCompressed(0, bomb, 10)),
      'corrupt_entry',
      /cannot inflate to its declared 10 bytes/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an entry declaring 2 GiB before reading any of it', async () => {
    await expectRefused(
      read(forgeWithCompressed(0, compressed[0]!, 2 * GiB)),
      'too_large',
      /declares 2147483648 bytes; the limit is 67108864/,
    );
  });

  it('refuses a size the compressed bytes could never hold', async () => {
    const declared = 60 * 1024 * 1024;
    await expectRefused(
      read(forgeWithCompressed(0, compressed[0]!, declared)),
      'corrupt_entry',
      /cannot inflate/,
    );
  });

  it('refuses an entry that inflates to fewer bytes than declared', async () => {
    const size = entries[0]!.data.length + 1;
    await expectRefused(
      read(forgeWithCompressed(0, compressed[0]!, size)),
      'corrupt_entry',
      /inflates to \d+ bytes, not its declared/,
    );
  });

  it('refuses a second payload hidden after the end of a deflate stream', async () => {
    const smuggled = Buffer.concat([compressed[0]!, Buffer.from('#!/bin/sh\nrm -rf ~\n')]);
    await expectRefused(
      read(forgeWithCompressed(0, smuggled, entries[0]!.data.length)),
      'corrupt_entry',
      /bytes after the end of its deflate stream/,
    );
  });
});

describe('hostile content', () => {
  it('refuses invalid UTF-8 in a jsonl entry', async () => {
    const bad = Buffer.concat([text('{"id":"a","text":"caf'), Buffer.from([0xe9]), text('"}\n')]);
    const forged = entries.map((e) =>
      e.path === 'content/passages.jsonl' ? { ...e, data: bad } : e,
    );
    await expectRefused(
      read(forgePack(forged, () => {}, publisher.privateKeyPem)),
      'bad_text',
      /content\/passages\.jsonl is not valid UTF-8/,
    );
  });

  it('refuses embeddings whose length is not passages × dimension × 4', async () => {
    const short = embeddingBytes().subarray(0, 40);
    await expectRefused(
      read(withEmbeddings(short)),
      'bad_embeddings',
      /holds 40 bytes but 3 passages × 4 dimensions × 4 bytes is 48/,
    );
  });

  it('refuses vectors of the wrong dimension, saying which dimension they have', async () => {
    const eight = embeddingBytes(Float32Array.from({ length: PASSAGES * 8 }, (_, i) => i / 10));
    await expectRefused(
      read(withEmbeddings(eight)),
      'bad_embeddings',
      /8-dimension vectors; the manifest says 4/,
    );
  });

  it('refuses infinite or NaN components', async () => {
    const values = Float32Array.from(embeddingValues);
    values[2 * DIMENSION + 3] = Number.POSITIVE_INFINITY;
    await expectRefused(
      read(withEmbeddings(embeddingBytes(values))),
      'bad_embeddings',
      /passage 2, component 3/,
    );
  });

  it('refuses embeddings in a pack that names no embedding model, and the reverse', async () => {
    const noModel = forgePack(
      entries,
      (m) => {
        m.embedding = null;
      },
      publisher.privateKeyPem,
    );
    await expectRefused(read(noModel), 'bad_embeddings', /names no embedding model/);
    const noVectors = forgePack(
      entries.slice(0, 5),
      (m) => {
        m.embedding = { model: 'test-model', dimension: DIMENSION };
      },
      publisher.privateKeyPem,
    );
    await expectRefused(read(noVectors), 'bad_embeddings', /has no index\/embeddings\.f32/);
  });
});

/** A signed pack whose entry `index` is stored as `stored`, declaring `size` bytes. */
function forgeWithCompressed(index: number, stored: Uint8Array, size: number): Uint8Array {
  const manifest = manifestFor(entries, (m) => {
    m.entries[index]!.size = size;
  });
  const parts = compressed.map((c, i) => (i === index ? stored : c));
  return assemblePack({ manifest, signature: publisher.privateKeyPem, compressed: parts });
}

function withEmbeddings(data: Uint8Array): Uint8Array {
  const forged = entries.map((e) => (e.path === 'index/embeddings.f32' ? { ...e, data } : e));
  return forgePack(forged, () => {}, publisher.privateKeyPem);
}
