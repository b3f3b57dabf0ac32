/**
 * Seeded fuzzing of the reader: mutated, truncated and spliced packs must either come back
 * fully verified (and, when signed, identical to the original) or be refused with a
 * PackFileError. Never another exception, never a hang. A failure prints its seed and case.
 */
import { describe, expect, it } from 'vitest';
import {
  encodePackFile,
  generateSigningKeys,
  PackFileError,
  readPackFile,
  type VerifiedPack,
} from '../../../../../electron/services/packs/pack-file';
import type { ReadPackOptions } from '../../../../../electron/services/packs/pack-file/pack-reader';
import {
  assemblePack,
  deflate,
  manifestFor,
  sampleEntries,
  sampleInput,
  seededRandom,
  sha256,
} from './pack-fixtures';

const publisher = generateSigningKeys();
const INTERESTING = [0, 1, 3, 4, 0x7f, 0x80, 0xff, 0xffff, 0x7fff_ffff, 0xffff_ffff];

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;
const int = (random: () => number, n: number) => Math.floor(random() * n);

const mutations: Record<string, Mutation> = {
  flipBits(bytes, random) {
    const out = Uint8Array.from(bytes);
    for (let n = 1 + int(random, 4); n > 0; n--)
      out[int(random, out.length)]! ^= 1 << int(random, 8);
    return out;
  },
  setBytes(bytes, random) {
    const out = Uint8Array.from(bytes);
    for (let n = 1 + int(random, 8); n > 0; n--) out[int(random, out.length)] = int(random, 256);
    return out;
  },
  setLength(bytes, random) {
    const out = Uint8Array.from(bytes);
    const at = int(random, out.length - 4);
    const value =
      random() < 0.5 ? INTERESTING[int(random, INTERESTING.length)]! : int(random, out.length * 2);
    new DataView(out.buffer).setUint32(at, value, true);
    return out;
  },
  truncate: (bytes, random) => bytes.slice(0, int(random, bytes.length)),
  splice(bytes, random) {
    const from = int(random, bytes.length);
    const length = 1 + int(random, 64);
    const to = int(random, bytes.length);
    return Buffer.concat([
      bytes.subarray(0, to),
      bytes.subarray(from, from + length),
      bytes.subarray(to),
    ]);
  },
  cut(bytes, random) {
    const at = int(random, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + int(random, 32))]);
  },
  insertRandom(bytes, random) {
    const at = int(random, bytes.length);
    const junk = Uint8Array.from({ length: 1 + int(random, 16) }, () => int(random, 256));
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
  },
};

/** Reads a mutated pack; returns the pack or the refusal, failing on anything else. */
async function readOrRefuse(
  bytes: Uint8Array,
  options: ReadPackOptions,
  label: string,
): Promise<VerifiedPack | null> {
  try {
    return await readPackFile(bytes, options);
  } catch (error) {
    if (error instanceof PackFileError) return null;
    throw new Error(`${label}: threw ${String(error)} instead of a PackFileError`, {
      cause: error,
    });
  }
}

function expectSameAsOriginal(pack: VerifiedPack, original: VerifiedPack, label: string): void {
  expect(pack.manifest, label).toEqual(original.manifest);
  for (const { path } of original.manifest.entries) {
    expect(
      Buffer.from(pack.entry(path as never)).equals(Buffer.from(original.entry(path as never))),
      label,
    ).toBe(true);
  }
}

function expectSelfConsistent(pack: VerifiedPack, label: string): void {
  for (const entry of pack.manifest.entries) {
    const data = pack.entry(entry.path as never);
    expect([data.byteLength, sha256(data)], label).toEqual([entry.size, entry.sha256]);
  }
}

async function fuzz(
  seed: number,
  iterations: number,
  base: Uint8Array,
  options: ReadPackOptions,
  check: (pack: VerifiedPack, label: string) => void,
): Promise<{ accepted: number; refused: number }> {
  const random = seededRandom(seed);
  const names = Object.keys(mutations);
  const tally = { accepted: 0, refused: 0 };
  for (let i = 0; i < iterations; i++) {
    const name = names[int(random, names.length)]!;
    const label = `seed ${seed} case ${i} (${name})`;
    let bytes = mutations[name]!(base, random);
    if (random() < 0.2) bytes = mutations[names[int(random, names.length)]!]!(bytes, random);
    const pack = await readOrRefuse(bytes, options, label);
    if (pack) {
      check(pack, label);
      tally.accepted++;
    } else tally.refused++;
  }
  return tally;
}

describe('reader fuzzing', () => {
  it('a mutated signed pack is refused or is byte-for-byte the original content', async () => {
    const { bytes } = await encodePackFile(sampleInput(), publisher.privateKeyPem);
    const options = { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false };
    const original = await readPackFile(bytes, options);

    const tally = await fuzz(0x1a2b3c, 4000, bytes, options, (pack, label) =>
      expectSameAsOriginal(pack, original, label),
    );

    expect(tally.refused).toBeGreaterThan(3900);
  });

  it('a mutated unsigned pack is refused or has every entry matching its manifest', async () => {
    const { bytes } = await encodePackFile(sampleInput());
    const options = { trustedKeys: [], allowUnsigned: true };

    const tally = await fuzz(0x5eed, 3000, bytes, options, expectSelfConsistent);

    expect(tally.refused).toBeGreaterThan(1500);
  });

  it('hostile manifest values behind honest framing are refused or verified', async () => {
    const random = seededRandom(0xbeef);
    const entries = sampleEntries();
    const compressed = entries.map((e) => deflate(e.data));
    const values: unknown[] = [
      -1,
      0,
      1.5,
      2 ** 31,
      2 ** 32,
      2 ** 53,
      1e308,
      Number.NaN,
      '',
      '..',
      '../x',
      '/abs',
      'a'.repeat(5000),
      '\u0000',
      '\ud800',
      null,
      true,
      [],
      {},
      [null],
      { __proto__: { size: 1 } },
      'index/embeddings.f32',
    ];
    const options = { trustedKeys: [], allowUnsigned: true };
    for (let i = 0; i < 1500; i++) {
      const manifest = JSON.parse(JSON.stringify(manifestFor(entries))) as Record<string, unknown>;
      for (let n = 1 + int(random, 3); n > 0; n--)
        setRandomLeaf(manifest, values[int(random, values.length)], random);
      const bytes = assemblePack({ manifest, compressed });
      const pack = await readOrRefuse(bytes, options, `structured case ${i}`);
      if (pack) expectSelfConsistent(pack, `structured case ${i}`);
    }
  });
});

/** Replaces one randomly chosen value anywhere in a JSON tree. */
function setRandomLeaf(
  node: Record<string, unknown> | unknown[],
  value: unknown,
  random: () => number,
): void {
  const keys = Object.keys(node);
  if (keys.length === 0) return;
  const key = keys[int(random, keys.length)]!;
  const child = (node as Record<string, unknown>)[key];
  if (typeof child === 'object' && child !== null && random() < 0.7) {
    setRandomLeaf(child as Record<string, unknown>, value, random);
  } else {
    (node as Record<string, unknown>)[key] = value;
  }
}
