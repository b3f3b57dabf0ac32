/**
 * Signing and verifying a pack. The signature covers the exact manifest bytes, and the manifest
 * lists every entry's SHA-256 and size, so one signature covers the whole pack.
 *
 * The signed message is a fixed context string followed by the manifest bytes, so a publisher
 * key can never be tricked into vouching for anything that is not a pack manifest.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { PackFileError } from './pack-file-error';
import { keyIdOfKey, KEY_ID_PATTERN, parsePrivateKey, parsePublicKey } from './pack-keys';
import { decodeUtf8 } from './pack-manifest';

/** Domain separation for ed25519: prefixed to the manifest bytes before signing. */
export const SIGNING_CONTEXT = 'inloop-pack-manifest-v1\0';

const SignatureBlockSchema = z
  .object({
    alg: z.literal('ed25519'),
    keyId: z.string().regex(KEY_ID_PATTERN),
    // 64 bytes in canonical padded base64; checked again after decoding.
    signature: z.string().regex(/^[A-Za-z0-9+/]{85}[AQgw]==$/),
  })
  .strict();

/** Who signed a pack; the reader only ever returns trusted signers. */
export interface PackSigner {
  readonly keyId: string;
  readonly trusted: true;
}

/** Trusted public keys by key id (a list per id, though a collision is never expected). */
export type TrustedKeys = ReadonlyMap<string, readonly KeyObject[]>;

/** Parses trusted public key PEMs; one unusable key is an error, never silently skipped. */
export function parseTrustedKeys(pems: readonly string[]): TrustedKeys {
  const keys = new Map<string, KeyObject[]>();
  pems.forEach((pem, index) => {
    let key: KeyObject;
    try {
      key = parsePublicKey(pem);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PackFileError('bad_key', `trusted key ${index + 1}: ${reason}`);
    }
    const id = keyIdOfKey(key);
    keys.set(id, [...(keys.get(id) ?? []), key]);
  });
  return keys;
}

function signedMessage(manifestBytes: Uint8Array): Uint8Array {
  const context = new TextEncoder().encode(SIGNING_CONTEXT);
  const message = new Uint8Array(context.length + manifestBytes.length);
  message.set(context, 0);
  message.set(manifestBytes, context.length);
  return message;
}

/** The signature block (UTF-8 JSON) for `manifestBytes`, signed with a PKCS#8 PEM key. */
export function signManifest(manifestBytes: Uint8Array, privateKeyPem: string): Uint8Array {
  const privateKey = parsePrivateKey(privateKeyPem);
  const block = {
    alg: 'ed25519',
    keyId: keyIdOfKey(privateKey),
    signature: sign(null, signedMessage(manifestBytes), privateKey).toString('base64'),
  };
  return new TextEncoder().encode(JSON.stringify(block));
}

/**
 * Decides whether the manifest may be trusted: signed by a trusted key with a signature that
 * verifies, or unsigned where unsigned packs are allowed. Runs before the manifest is parsed.
 */
export function verifySigner(
  manifestBytes: Uint8Array,
  blockBytes: Uint8Array,
  trusted: TrustedKeys,
  allowUnsigned: boolean,
): PackSigner | null {
  if (blockBytes.length === 0) {
    if (allowUnsigned) return null;
    throw new PackFileError(
      'unsigned',
      'the pack is not signed; only signed packs from trusted publishers can be installed',
    );
  }
  const block = parseSignatureBlock(blockBytes);
  const candidates = trusted.get(block.keyId) ?? [];
  if (candidates.length === 0) {
    throw new PackFileError('untrusted_key', `publisher key ${block.keyId} is not trusted`);
  }
  const message = signedMessage(manifestBytes);
  if (!candidates.some((key) => verify(null, message, key, block.signature))) {
    throw new PackFileError(
      'bad_signature',
      `the signature by publisher key ${block.keyId} does not match the pack (it was modified or damaged)`,
    );
  }
  return Object.freeze({ keyId: block.keyId, trusted: true as const });
}

/** The key id a well-formed signature block names (unchecked); throws for a malformed one. */
export function signatureKeyId(blockBytes: Uint8Array): string {
  return parseSignatureBlock(blockBytes).keyId;
}

function parseSignatureBlock(bytes: Uint8Array): { keyId: string; signature: Buffer } {
  const text = decodeUtf8(bytes, 'the signature block', 'bad_signature');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PackFileError('bad_signature', 'the signature block is not valid JSON');
  }
  const parsed = SignatureBlockSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'block').join(', ');
    throw new PackFileError(
      'bad_signature',
      `the signature block is malformed (${fields.slice(0, 100)})`,
    );
  }
  const signature = Buffer.from(parsed.data.signature, 'base64');
  // Base64 has spare bits; only the canonical spelling of the 64 bytes is accepted.
  if (signature.length !== 64 || signature.toString('base64') !== parsed.data.signature) {
    throw new PackFileError('bad_signature', 'the signature block is malformed (signature)');
  }
  return { keyId: parsed.data.keyId, signature };
}
