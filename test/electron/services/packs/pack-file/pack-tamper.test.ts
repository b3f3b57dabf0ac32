import { describe, expect, it } from 'vitest';
import {
  encodePackFile,
  generateSigningKeys,
  readPackFile,
} from '../../../../../electron/services/packs/pack-file';
import {
  HEADER_BYTES,
  readU32,
} from '../../../../../electron/services/packs/pack-file/pack-layout';
import { expectRefused, refusal, sampleInput } from './pack-fixtures';

const publisher = generateSigningKeys();
const trusted = { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false };

/** Names each byte range of a pack: header, manifest, signature, and every entry. */
function regionsOf(
  bytes: Uint8Array,
  paths = sampleInput().entries.map((e) => e.path),
): Array<{ name: string; start: number; end: number }> {
  const manifestEnd = HEADER_BYTES + readU32(bytes, 12);
  const signatureEnd = manifestEnd + 4 + readU32(bytes, manifestEnd);
  const regions = [
    { name: 'header', start: 0, end: HEADER_BYTES },
    { name: 'manifest', start: HEADER_BYTES, end: manifestEnd },
    { name: 'signature', start: manifestEnd, end: signatureEnd },
  ];
  let offset = signatureEnd;
  for (const path of paths) {
    const end = offset + 4 + readU32(bytes, offset);
    regions.push({ name: path, start: offset, end });
    offset = end;
  }
  expect(offset).toBe(bytes.length);
  return regions;
}

describe('a damaged or tampered pack is refused', () => {
  it('refuses the pack when any single byte anywhere is flipped', async () => {
    const { bytes } = await encodePackFile(sampleInput(), publisher.privateKeyPem);
    const regions = regionsOf(bytes);
    const refusedIn = new Map<string, number>();

    for (let position = 0; position < bytes.length; position++) {
      const damaged = Uint8Array.from(bytes);
      damaged[position]! ^= 0xff;
      await refusal(readPackFile(damaged, trusted));
      const region = regions.find((r) => position >= r.start && position < r.end)!.name;
      refusedIn.set(region, (refusedIn.get(region) ?? 0) + 1);
    }

    // Every region was exercised, byte for byte.
    expect(Object.fromEntries(refusedIn)).toEqual(
      Object.fromEntries(regions.map((r) => [r.name, r.end - r.start])),
    );
  });

  it('catches damaged entries of an unsigned pack too (the manifest hashes still bind them)', async () => {
    const { bytes } = await encodePackFile(sampleInput());
    const entries = regionsOf(bytes).slice(3);
    for (const { start, end } of entries) {
      for (let position = start; position < end; position++) {
        const damaged = Uint8Array.from(bytes);
        damaged[position]! ^= 0xff;
        await refusal(readPackFile(damaged, { trustedKeys: [], allowUnsigned: true }));
      }
    }
  });

  it('refuses a pack truncated at every sixteenth of its length', async () => {
    const { bytes } = await encodePackFile(sampleInput(), publisher.privateKeyPem);
    for (let k = 0; k < 16; k++) {
      const cut = bytes.subarray(0, Math.floor((bytes.length * k) / 16));
      await expectRefused(readPackFile(cut, trusted), 'truncated', /truncated|empty/);
    }
  });

  it('refuses bytes appended after the last entry', async () => {
    const { bytes } = await encodePackFile(sampleInput(), publisher.privateKeyPem);
    const longer = Buffer.concat([bytes, Buffer.from('PK\u0003\u0004')]);
    await expectRefused(
      readPackFile(longer, trusted),
      'trailing_bytes',
      /4 unexpected bytes after its last entry/,
    );
  });

  it('names the tampered entry when content changes under an unsigned manifest', async () => {
    const input = sampleInput(false);
    const paths = input.entries.map((e) => e.path);
    const edited = {
      ...input,
      entries: input.entries.map((e) =>
        e.path === 'content/intents.json' ? { ...e, data: new TextEncoder().encode('{}') } : e,
      ),
    };
    const genuine = (await encodePackFile(input)).bytes;
    const other = (await encodePackFile(edited)).bytes;
    const a = regionsOf(genuine, paths).find((r) => r.name === 'content/intents.json')!;
    const b = regionsOf(other, paths).find((r) => r.name === 'content/intents.json')!;
    // Same length ('[]' and '{}'), so only the hash can tell.
    const forged = Buffer.concat([
      genuine.subarray(0, a.start),
      other.subarray(b.start, b.end),
      genuine.subarray(a.end),
    ]);
    await expectRefused(
      readPackFile(forged, { trustedKeys: [], allowUnsigned: true }),
      'tampered_entry',
      /content\/intents\.json does not match its SHA-256/,
    );
  });
});
