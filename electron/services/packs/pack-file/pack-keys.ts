/**
 * Publisher signing keys: ed25519, private keys as PKCS#8 PEM, public keys as SPKI PEM. A key
 * id is the first 16 hex characters of the SHA-256 of the public key's SPKI DER: short enough
 * to read out over the phone, and only a hint (the signature check uses the full key).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { chmod, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../../shared/result';
import { PackFileError } from './pack-file-error';

/** A fresh publisher key pair and its id. */
export interface SigningKeys {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly keyId: string;
}

export const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

/** Makes a new ed25519 publisher key pair. */
export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, keyId: keyIdOf(publicKey) };
}

/** The key id of an ed25519 public key PEM; refuses anything else. */
export function keyIdOf(publicKeyPem: string): string {
  return keyIdOfKey(parsePublicKey(publicKeyPem));
}

/** The key id of a public key, or of the public half of a private key. */
export function keyIdOfKey(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/**
 * An ed25519 public key from SPKI PEM. A private key is refused rather than silently turned
 * into its public half: trust lists are copied to every agent's machine.
 */
export function parsePublicKey(pem: string): KeyObject {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) {
    throw new PackFileError(
      'bad_key',
      'a private key was given where a public key belongs; share only the public key',
    );
  }
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new PackFileError(
      'bad_key',
      'not a public key PEM (expected -----BEGIN PUBLIC KEY-----)',
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new PackFileError('bad_key', 'the public key PEM cannot be read');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new PackFileError(
      'bad_key',
      `the public key is ${key.asymmetricKeyType ?? 'unknown'}, not ed25519`,
    );
  }
  return key;
}

/** An ed25519 private key from PKCS#8 PEM (unencrypted). */
export function parsePrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new PackFileError(
      'bad_key',
      'the signing key PEM cannot be read (it must be an unencrypted PKCS#8 private key)',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new PackFileError(
      'bad_key',
      `the signing key is ${key.asymmetricKeyType ?? 'unknown'}, not ed25519`,
    );
  }
  return key;
}

/** Where `writeSigningKeyFiles` put the keys. */
export interface SigningKeyFiles {
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
}

/**
 * Writes `<name>-private.pem` (mode 0600) and `<name>-public.pem` (0644) into `directory`.
 * Never overwrites: losing a publisher key means re-trusting a new one on every machine.
 * (On Windows the mode is ignored; the file inherits the folder's ACL.)
 */
export async function writeSigningKeyFiles(
  directory: string,
  keys: SigningKeys,
  name = 'pack-signing',
): Promise<SigningKeyFiles> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
    throw new AppError(
      'invalid_request',
      'key file name: use letters, digits, dot, dash, underscore',
    );
  }
  const derived = keyIdOfKey(parsePrivateKey(keys.privateKeyPem));
  if (derived !== keyIdOf(keys.publicKeyPem) || derived !== keys.keyId) {
    throw new AppError(
      'invalid_request',
      'the private key, public key and key id do not belong together',
    );
  }
  await mkdir(directory, { recursive: true });
  const files = {
    privateKeyPath: join(directory, `${name}-private.pem`),
    publicKeyPath: join(directory, `${name}-public.pem`),
  };
  await writeNewFile(files.publicKeyPath, keys.publicKeyPem, 0o644);
  try {
    await writeNewFile(files.privateKeyPath, keys.privateKeyPem, 0o600);
  } catch (error) {
    await rm(files.publicKeyPath, { force: true });
    throw error;
  }
  return files;
}

/** Creates `path` exclusively with `mode` from the first byte, or fails with `conflict`. */
async function writeNewFile(path: string, text: string, mode: number): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('conflict', `${path} already exists; refusing to overwrite a signing key`);
    }
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  // The process umask may have narrowed the public key; it is meant to be shared.
  if (process.platform !== 'win32') await chmod(path, mode);
}
