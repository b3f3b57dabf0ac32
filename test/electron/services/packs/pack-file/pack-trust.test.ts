import { describe, expect, it } from 'vitest';
import {
  encodePackFile,
  generateSigningKeys,
  readPackFile,
} from '../../../../../electron/services/packs/pack-file';
import { readPackHeader } from '../../../../../electron/services/packs/pack-file/pack-header';
import { memorySource } from '../../../../../electron/services/packs/pack-file/byte-source';
import { DEFAULT_PACK_LIMITS } from '../../../../../electron/services/packs/pack-file/pack-limits';
import {
  assemblePack,
  deflate,
  expectRefused,
  manifestFor,
  sampleEntries,
  sampleInput,
  text,
} from './pack-fixtures';

const publisher = generateSigningKeys();
const other = generateSigningKeys();
const attacker = generateSigningKeys();

async function signedPack(keyPem = publisher.privateKeyPem): Promise<Uint8Array> {
  return (await encodePackFile(sampleInput(), keyPem)).bytes;
}

async function partsOf(bytes: Uint8Array) {
  return readPackHeader(memorySource(bytes), DEFAULT_PACK_LIMITS);
}

const compressed = sampleEntries().map((e) => deflate(e.data));

describe('signing and trust', () => {
  it('refuses a pack signed by a key that is not trusted, naming the key id', async () => {
    const bytes = await signedPack(other.privateKeyPem);
    const error = await expectRefused(
      readPackFile(bytes, { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false }),
      'untrusted_key',
      new RegExp(`^publisher key ${other.keyId} is not trusted$`),
    );
    expect(error.code).toBe('unauthorized');
  });

  it('still refuses an untrusted signer when unsigned packs are allowed', async () => {
    const bytes = await signedPack(other.privateKeyPem);
    await expectRefused(
      readPackFile(bytes, { trustedKeys: [], allowUnsigned: true }),
      'untrusted_key',
      new RegExp(other.keyId),
    );
  });

  it('accepts a pack signed by any one of several trusted publishers', async () => {
    const bytes = await signedPack(other.privateKeyPem);
    const pack = await readPackFile(bytes, {
      trustedKeys: [publisher.publicKeyPem, other.publicKeyPem],
      allowUnsigned: false,
    });
    expect(pack.signer?.keyId).toBe(other.keyId);
  });

  it('refuses an unsigned pack unless unsigned packs are allowed', async () => {
    const bytes = (await encodePackFile(sampleInput())).bytes;
    const error = await expectRefused(
      readPackFile(bytes, { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false }),
      'unsigned',
      /not signed/,
    );
    expect(error.code).toBe('unauthorized');
    await expect(readPackFile(bytes, { trustedKeys: [], allowUnsigned: false })).rejects.toThrow(
      /not signed/,
    );
    expect((await readPackFile(bytes, { trustedKeys: [], allowUnsigned: true })).signer).toBeNull();
  });

  it('refuses a signed pack whose signature was stripped', async () => {
    const { manifestBytes } = await partsOf(await signedPack());
    const stripped = assemblePack({ manifest: manifestBytes, compressed });
    await expectRefused(
      readPackFile(stripped, { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false }),
      'unsigned',
    );
  });

  it('refuses a genuine signature moved onto a different manifest', async () => {
    const { signatureBytes } = await partsOf(await signedPack());
    const edited = manifestFor(sampleEntries(), (m) => {
      m.pack.name = 'Acme billing (edited)';
    });
    const forged = assemblePack({ manifest: edited, signature: signatureBytes, compressed });
    await expectRefused(
      readPackFile(forged, { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false }),
      'bad_signature',
      new RegExp(`publisher key ${publisher.keyId} does not match the pack`),
    );
  });

  it("refuses an attacker's signature that claims a trusted key id", async () => {
    const manifest = manifestFor(sampleEntries());
    const attackerBlock = JSON.parse(
      new TextDecoder().decode(
        (await partsOf(assemblePack({ manifest, signature: attacker.privateKeyPem, compressed })))
          .signatureBytes,
      ),
    ) as { keyId: string };
    const block = text(JSON.stringify({ ...attackerBlock, keyId: publisher.keyId }));
    const forged = assemblePack({ manifest, signature: block, compressed });
    await expectRefused(
      readPackFile(forged, { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false }),
      'bad_signature',
    );
  });

  it('refuses malformed signature blocks', async () => {
    const manifest = manifestFor(sampleEntries());
    const good = JSON.parse(
      new TextDecoder().decode(
        (await partsOf(assemblePack({ manifest, signature: publisher.privateKeyPem, compressed })))
          .signatureBytes,
      ),
    ) as Record<string, string>;
    const blocks: Record<string, Uint8Array> = {
      'not JSON': text('{"alg":'),
      'another algorithm': text(JSON.stringify({ ...good, alg: 'rsa' })),
      'an extra field': text(JSON.stringify({ ...good, note: 'hi' })),
      'a short signature': text(JSON.stringify({ ...good, signature: good.signature!.slice(4) })),
      'invalid UTF-8': new Uint8Array([0x7b, 0xff, 0x7d]),
      // Same 64 bytes once decoded: base64's two spare bits must be zero.
      'a non-canonical signature': text(
        JSON.stringify({ ...good, signature: nonCanonical(good.signature!) }),
      ),
    };
    for (const [name, block] of Object.entries(blocks)) {
      const forged = assemblePack({ manifest, signature: block, compressed });
      const error = await expectRefused(
        readPackFile(forged, { trustedKeys: [publisher.publicKeyPem], allowUnsigned: true }),
        'bad_signature',
      );
      expect(error.message, name).toMatch(/signature block/);
    }
  });

  it('refuses a trust list that holds a private key instead of a public one', async () => {
    await expectRefused(
      readPackFile(await signedPack(), {
        trustedKeys: [publisher.privateKeyPem],
        allowUnsigned: false,
      }),
      'bad_key',
      /trusted key 1: a private key was given/,
    );
  });
});

function nonCanonical(signature: string): string {
  const last = signature.at(-3)!;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return `${signature.slice(0, -3)}${alphabet[alphabet.indexOf(last) + 1]}==`;
}
