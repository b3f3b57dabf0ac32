import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  encodePackFile,
  generateSigningKeys,
  keyIdOf,
  writeSigningKeyFiles,
} from '../../../../../electron/services/packs/pack-file';
import { expectRefused, sampleInput, tempFolder } from './pack-fixtures';

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  folder = await tempFolder();
});
afterEach(async () => {
  await folder.remove();
});

const rsa = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

describe('publisher keys', () => {
  it('generates distinct ed25519 key pairs whose id is derived from the public key', () => {
    const a = generateSigningKeys();
    const b = generateSigningKeys();

    expect(a.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(a.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(a.publicKeyPem)).toBe(a.keyId);
    expect(b.keyId).not.toBe(a.keyId);
  });

  it('refuses a private key, an RSA key or junk where a public key belongs', async () => {
    const keys = generateSigningKeys();
    expect(() => keyIdOf(keys.privateKeyPem)).toThrow(/private key was given/);
    expect(() => keyIdOf(rsa.publicKey)).toThrow(/rsa, not ed25519/);
    expect(() => keyIdOf('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).toThrow(
      /cannot be read/,
    );
  });

  it('refuses to sign with a key that is not an ed25519 private key', async () => {
    await expectRefused(
      encodePackFile(sampleInput(), rsa.privateKey),
      'bad_key',
      /rsa, not ed25519/,
    );
    await expectRefused(encodePackFile(sampleInput(), 'not a key'), 'bad_key', /cannot be read/);
  });

  it('writes the private key readable by its owner only and the public key for sharing', async () => {
    const keys = generateSigningKeys();
    const files = await writeSigningKeyFiles(folder.path, keys, 'acme');

    expect(files.privateKeyPath).toBe(join(folder.path, 'acme-private.pem'));
    expect(await readFile(files.privateKeyPath, 'utf8')).toBe(keys.privateKeyPem);
    expect(await readFile(files.publicKeyPath, 'utf8')).toBe(keys.publicKeyPem);
    if (process.platform !== 'win32') {
      expect((await stat(files.privateKeyPath)).mode & 0o777).toBe(0o600);
      expect((await stat(files.publicKeyPath)).mode & 0o777).toBe(0o644);
    }
  });

  it('never overwrites an existing publisher key', async () => {
    const original = generateSigningKeys();
    const files = await writeSigningKeyFiles(folder.path, original);

    await expect(writeSigningKeyFiles(folder.path, generateSigningKeys())).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await readFile(files.privateKeyPath, 'utf8')).toBe(original.privateKeyPem);
    expect(await readFile(files.publicKeyPath, 'utf8')).toBe(original.publicKeyPem);
  });

  it('leaves no public key behind when the private key file already exists', async () => {
    await writeFile(join(folder.path, 'acme-private.pem'), 'precious');
    await expect(
      writeSigningKeyFiles(folder.path, generateSigningKeys(), 'acme'),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(stat(join(folder.path, 'acme-public.pem'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readFile(join(folder.path, 'acme-private.pem'), 'utf8')).toBe('precious');
  });

  it('refuses key files for a mismatched pair', async () => {
    const a = generateSigningKeys();
    const b = generateSigningKeys();
    await expect(
      writeSigningKeyFiles(folder.path, { ...a, publicKeyPem: b.publicKeyPem }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});
