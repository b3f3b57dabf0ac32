/**
 * Keep it so (issue 16): the pack reader under fast-check's edits of a real pack (bits
 * flipped, bytes set, inserted or cut, the file truncated), a fresh seed each run (printed).
 * A signed pack comes back byte for byte the original or is refused with a PackFileError;
 * an unsigned one is refused or has every entry matching its manifest. Never another error.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodePackFile,
  generateSigningKeys,
  PackFileError,
  readPackFile,
  type VerifiedPack,
} from '../../../../../electron/services/packs/pack-file';
import { fuzzRun } from '../../../../fuzz-run';
import { sampleInput, sha256 } from './pack-fixtures';

type Edit =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('cut' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 32 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    switch (e.kind) {
      case 'flip':
        if (out.length) out[at]! ^= 1 << e.bit;
        break;
      case 'set':
        if (out.length) out[at] = e.value;
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), e.bytes, out.subarray(at)]);
        break;
      case 'cut':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + e.length)]);
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
    }
  }
  return out;
}

/** The pack, or null when refused with a PackFileError; anything else fails the property. */
async function readOrRefuse(
  bytes: Uint8Array,
  options: Parameters<typeof readPackFile>[1],
): Promise<VerifiedPack | null> {
  try {
    return await readPackFile(bytes, options);
  } catch (error) {
    if (error instanceof PackFileError) return null;
    throw error;
  }
}

const publisher = generateSigningKeys();
let signed: Uint8Array;
let unsigned: Uint8Array;
let original: VerifiedPack;
beforeAll(async () => {
  signed = (await encodePackFile(sampleInput(), publisher.privateKeyPem)).bytes;
  unsigned = (await encodePackFile(sampleInput())).bytes;
  original = await readPackFile(signed, {
    trustedKeys: [publisher.publicKeyPem],
    allowUnsigned: false,
  });
});

describe('the pack reader under random edits', () => {
  it('returns a signed pack unchanged or refuses it', async () => {
    const options = { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const pack = await readOrRefuse(apply(signed, edits), options);
        if (!pack) return;
        expect(pack.manifest).toEqual(original.manifest);
        for (const { path } of original.manifest.entries) {
          const same = Buffer.from(pack.entry(path as never)).equals(
            Buffer.from(original.entry(path as never)),
          );
          expect(same, path).toBe(true);
        }
      }),
      fuzzRun('signed pack edits', { runs: 1500, ms: 10_000 }),
    );
  }, 60_000);

  it('returns an unsigned pack whose entries match its manifest, or refuses it', async () => {
    const options = { trustedKeys: [], allowUnsigned: true };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const pack = await readOrRefuse(apply(unsigned, edits), options);
        if (!pack) return;
        for (const entry of pack.manifest.entries) {
          const data = pack.entry(entry.path as never);
          expect([data.byteLength, sha256(data)]).toEqual([entry.size, entry.sha256]);
        }
      }),
      fuzzRun('unsigned pack edits', { runs: 1500, ms: 10_000 }),
    );
  }, 60_000);
});
