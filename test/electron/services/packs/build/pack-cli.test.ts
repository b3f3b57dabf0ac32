/** `inloop pack build|keygen|verify` through the real CLI runner: output and exit codes. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brokenPack, examplePack, packFixtures, runInloop, tempDir } from './build-fixtures';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
});
afterEach(async () => {
  await temp.remove();
});

const inloop = (...argv: string[]) => runInloop(temp.dir, ['pack', ...argv]);

describe('inloop pack build', () => {
  it('builds the example pack and prints a summary', async () => {
    const run = await inloop('build', examplePack, '--out', 'acme.inloop');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out).toMatch(/^Built acme-retail 1\.0\.0/);
    expect(run.out).toMatch(/intents\s+55\n/);
    expect(run.out).toContain('lexical only: no embedding model (INLOOP_EMBED_MODEL=none)');
    expect(run.out).toContain('signed by  nobody: unsigned');
    expect((await stat(join(temp.dir, 'acme.inloop'))).size).toBeGreaterThan(10_000);
  });

  it('prints every problem as file:line: message and exits 1', async () => {
    const run = await inloop('build', brokenPack, '--out', 'broken.inloop');
    expect(run.code).toBe(1);
    const lines = run.err.trim().split('\n');
    expect(lines).toContain(
      'pack.yaml:3: version "1.0" is not valid: expected a semantic version such as 1.4.0',
    );
    expect(lines).toContain(
      'intents.yaml:9: intent "order-status": next action id "verify" is used twice',
    );
    expect(lines.at(-1)).toBe(`${lines.length - 1} problems: no pack was written`);
    await expect(stat(join(temp.dir, 'broken.inloop'))).rejects.toThrow(/ENOENT/);
  });

  it('gives the problems as JSON with --json', async () => {
    const run = await inloop('build', brokenPack, '--out', 'broken.inloop', '--json');
    expect(run.code).toBe(1);
    const body = JSON.parse(run.out) as { ok: boolean; problems: { file: string }[] };
    expect(body.ok).toBe(false);
    expect(body.problems.map((p) => p.file)).toContain('rules.yaml');
  });

  it('exits 2 on usage errors', async () => {
    expect((await inloop('build', examplePack)).code).toBe(2);
    expect((await inloop('build')).code).toBe(2);
    expect((await inloop('build', examplePack, '--out', '.')).code).toBe(2);
    expect((await inloop('build', examplePack, '--out', 'x.inloop', '--sign')).code).toBe(2);
  });

  it('exits 1 when the signing key file is missing', async () => {
    const run = await inloop('build', examplePack, '--out', 'x.inloop', '--sign-key', 'nope.pem');
    expect(run.code).toBe(1);
    expect(run.err).toContain('signing key');
    expect(run.err).toContain('does not exist');
  });
});

describe('inloop pack keygen, build --sign-key and verify', () => {
  it('signs with a new key, verifies it, and refuses tampering and the wrong key', async () => {
    const keygen = await inloop('keygen', '--out', 'keys', '--json');
    expect(keygen.code).toBe(0);
    const keys = JSON.parse(keygen.out) as {
      keyId: string;
      privateKeyPath: string;
      publicKeyPath: string;
    };
    expect(keys.keyId).toMatch(/^[0-9a-f]{16}$/);

    const build = await inloop(
      'build',
      examplePack,
      '--out',
      'signed.inloop',
      '--sign-key',
      keys.privateKeyPath,
    );
    expect(build.code).toBe(0);
    expect(build.out).toContain(`signed by  ${keys.keyId}`);

    const trusted = await inloop(
      'verify',
      'signed.inloop',
      '--publisher-key',
      keys.publicKeyPath,
      '--json',
    );
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.out)).toMatchObject({
      pack: { id: 'acme-retail', version: '1.0.0' },
      counts: { intents: 55 },
      signedBy: keys.keyId,
      trusted: true,
    });

    const unchecked = await inloop('verify', 'signed.inloop');
    expect(unchecked.code).toBe(0);
    expect(unchecked.out).toContain(`not checked: signed by key ${keys.keyId}`);

    await inloop('keygen', '--out', 'other');
    const wrongKey = await inloop(
      'verify',
      'signed.inloop',
      '--publisher-key',
      'other/pack-signing-public.pem',
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain(`publisher key ${keys.keyId} is not trusted`);

    const bytes = await readFile(join(temp.dir, 'signed.inloop'));
    bytes[bytes.length - 5]! ^= 0x10;
    await writeFile(join(temp.dir, 'tampered.inloop'), bytes);
    for (const extra of [[], ['--publisher-key', keys.publicKeyPath]]) {
      const tampered = await inloop('verify', 'tampered.inloop', ...extra);
      expect(tampered.code).toBe(1);
      expect(tampered.out).toBe('');
      expect(tampered.err).toMatch(/\[invalid_request\]/);
    }
  });

  it('never overwrites an existing key', async () => {
    expect((await inloop('keygen', '--out', 'keys')).code).toBe(0);
    const before = await readFile(join(temp.dir, 'keys/pack-signing-private.pem'), 'utf8');
    const again = await inloop('keygen', '--out', 'keys');
    expect(again.code).toBe(1);
    expect(again.err).toContain('refusing to overwrite a signing key');
    expect(await readFile(join(temp.dir, 'keys/pack-signing-private.pem'), 'utf8')).toBe(before);
  });

  it('verifies an unsigned pack, and refuses it when a publisher key is required', async () => {
    await inloop('build', examplePack, '--out', 'plain.inloop');
    await inloop('keygen', '--out', 'keys');
    const plain = await inloop('verify', 'plain.inloop');
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('signature  unsigned');
    const required = await inloop(
      'verify',
      'plain.inloop',
      '--publisher-key',
      'keys/pack-signing-public.pem',
    );
    expect(required.code).toBe(1);
    expect(required.err).toContain('the pack is not signed');
    expect((await inloop('verify', 'missing.inloop')).code).toBe(1);
  });
});

describe('inloop pack import-*', () => {
  it('are registered under inloop pack and write into the source folder', async () => {
    const macros = await inloop('import-macros', join(packFixtures, 'macros.csv'), '--out', 'src');
    expect(macros.code).toBe(0);
    expect(await readFile(join(temp.dir, 'src/responses.yaml'), 'utf8')).toContain('id: ');
    const zendesk = await inloop(
      'import-zendesk',
      join(packFixtures, 'zendesk-export.json'),
      '--out',
      'src',
    );
    expect(zendesk.out).toContain('Zendesk articles: wrote');
    expect((await inloop('import-zendesk', '--out', 'src')).code).toBe(2);
  });
});
