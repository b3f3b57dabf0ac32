import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateSigningKeys,
  readPackFile,
  writePackFile,
  encodePackFile,
} from '../../../../../electron/services/packs/pack-file';
import {
  DIMENSION,
  embeddingValues,
  expectRefused,
  sampleEntries,
  sampleInput,
  tempFolder,
  text,
} from './pack-fixtures';

const keys = generateSigningKeys();
let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(async () => {
  await folder.remove();
});

describe('pack file round trip', () => {
  it('reads back a signed pack exactly as written, naming its publisher key', async () => {
    const path = join(folder.path, 'acme.inloop');
    const written = await writePackFile(path, sampleInput(), keys.privateKeyPem);

    const pack = await readPackFile(path, {
      trustedKeys: [keys.publicKeyPem],
      allowUnsigned: false,
    });

    expect(pack.signer).toEqual({ keyId: keys.keyId, trusted: true });
    expect(pack.manifest).toEqual(written);
    expect(pack.manifest.entries.map((e) => e.path)).toEqual(sampleEntries().map((e) => e.path));
    for (const { path: entryPath, data } of sampleEntries()) {
      expect(Buffer.from(pack.entry(entryPath as never)).equals(Buffer.from(data))).toBe(true);
    }
  });

  it('reads back an unsigned pack when unsigned packs are allowed', async () => {
    const path = join(folder.path, 'dev.inloop');
    await writePackFile(path, sampleInput(false));

    const pack = await readPackFile(path, { trustedKeys: [], allowUnsigned: true });

    expect(pack.signer).toBeNull();
    expect(new TextDecoder().decode(pack.entry('content/passages.jsonl'))).toContain('Café crème');
    expect(() => pack.entry('index/embeddings.f32')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('gives the same pack from bytes in memory as from the file', async () => {
    const path = join(folder.path, 'acme.inloop');
    await writePackFile(path, sampleInput(), keys.privateKeyPem);
    const options = { trustedKeys: [keys.publicKeyPem], allowUnsigned: false };

    const fromBytes = await readPackFile(await readFile(path), options);
    const fromFile = await readPackFile(path, options);

    expect(fromBytes.manifest).toEqual(fromFile.manifest);
    expect(fromBytes.entry('content/rules.json')).toEqual(fromFile.entry('content/rules.json'));
  });

  it('returns embeddings that view as the original float32 vectors', async () => {
    const { bytes } = await encodePackFile(sampleInput(), keys.privateKeyPem);
    const pack = await readPackFile(bytes, {
      trustedKeys: [keys.publicKeyPem],
      allowUnsigned: false,
    });

    const data = pack.entry('index/embeddings.f32');
    const vectors = new Float32Array(data.buffer, data.byteOffset, data.byteLength / 4);

    expect(Array.from(vectors)).toEqual(Array.from(embeddingValues));
    expect(pack.manifest.embedding).toEqual({ model: 'test-model', dimension: DIMENSION });
  });

  it('writes a pack others can read, and hands back a manifest that cannot be edited', async () => {
    const path = join(folder.path, 'acme.inloop');
    await writePackFile(path, sampleInput(), keys.privateKeyPem);
    const pack = await readPackFile(path, {
      trustedKeys: [keys.publicKeyPem],
      allowUnsigned: false,
    });

    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o644);
    expect(() => {
      (pack.manifest.pack as { name: string }).name = 'Evil';
    }).toThrow(TypeError);
  });
});

describe('the writer refuses what readers would refuse, and writes nothing', () => {
  const cases: Array<[string, () => ReturnType<typeof sampleInput>, string, RegExp]> = [
    [
      'an unknown entry',
      () => withEntry({ path: 'content/evil.js', data: text('x') }),
      'bad_entry',
      /not a known pack entry/,
    ],
    [
      'a path outside the pack',
      () => withEntry({ path: 'content/../../x', data: text('x') }),
      'bad_entry',
      /not a plain relative path/,
    ],
    [
      'a missing content entry',
      () => without('content/rules.json'),
      'bad_entry',
      /content\/rules\.json is missing/,
    ],
    [
      'invalid UTF-8 text',
      () => replaced('content/intents.json', new Uint8Array([0x5b, 0xc3, 0x28, 0x5d])),
      'bad_text',
      /intents\.json is not valid UTF-8/,
    ],
    [
      'embeddings of the wrong size',
      () => replaced('index/embeddings.f32', new Uint8Array(44)),
      'bad_embeddings',
      /44 bytes/,
    ],
    [
      'a NaN in the embeddings',
      () => replaced('index/embeddings.f32', nanEmbeddings()),
      'bad_embeddings',
      /NaN or infinite value \(passage 1, component 2\)/,
    ],
  ];

  it.each(cases)('%s', async (_name, input, problem, message) => {
    const path = join(folder.path, 'bad.inloop');
    await expectRefused(
      writePackFile(path, input(), keys.privateKeyPem),
      problem as never,
      message,
    );
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a manifest field that does not match the schema, naming it', async () => {
    const input = sampleInput();
    const bad = {
      ...input,
      manifest: { ...input.manifest, pack: { ...input.manifest.pack, version: 'v1' } },
    };
    await expectRefused(
      encodePackFile(bad),
      'bad_manifest',
      /pack\.version "v1" is not valid: expected a semantic version/,
    );
  });
});

function withEntry(extra: { path: string; data: Uint8Array }) {
  const input = sampleInput();
  return { ...input, entries: [...input.entries, extra] };
}
function without(path: string) {
  const input = sampleInput();
  return { ...input, entries: input.entries.filter((e) => e.path !== path) };
}
function replaced(path: string, data: Uint8Array) {
  const input = sampleInput();
  return { ...input, entries: input.entries.map((e) => (e.path === path ? { path, data } : e)) };
}
function nanEmbeddings(): Uint8Array {
  const values = Float32Array.from(embeddingValues);
  values[1 * DIMENSION + 2] = Number.NaN;
  return new Uint8Array(values.buffer);
}
