import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKeys,
  readPackFile,
} from '../../../../../electron/services/packs/pack-file';
import {
  assemblePack,
  deflate,
  expectRefused,
  forgePack,
  manifestFor,
  sampleEntries,
  tempFolder,
  text,
} from './pack-fixtures';

/** Hostile framing and manifests, signed by a trusted publisher: trust excuses no danger. */
const publisher = generateSigningKeys();
const trusted = { trustedKeys: [publisher.publicKeyPem], allowUnsigned: false };
const read = (bytes: Uint8Array) => readPackFile(bytes, trusted);
const entries = sampleEntries();
const compressed = entries.map((e) => deflate(e.data));

function withEntryPath(index: number, path: string): Uint8Array {
  return forgePack(
    entries,
    (m) => {
      m.entries[index]!.path = path;
    },
    publisher.privateKeyPem,
  );
}

describe('hostile framing', () => {
  it('refuses a file that is not a pack', async () => {
    const zip = Buffer.from('PK\u0003\u0004 this is a zip archive, not a pack');
    await expectRefused(read(zip), 'not_a_pack', /wrong magic bytes/);
  });

  it('refuses a newer file format, telling the admin to update', async () => {
    const bytes = assemblePack({ manifest: manifestFor(entries), compressed, format: 2 });
    const error = await expectRefused(read(bytes), 'unsupported_format', /format 2.*update/);
    expect(error.code).toBe('unsupported');
  });

  it('refuses a manifest length beyond the limit before reading it', async () => {
    const bytes = assemblePack({ manifest: manifestFor(entries), compressed });
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(12, 0xffff_ffff, true);
    await expectRefused(
      read(bytes),
      'too_large',
      /manifest is 4294967295 bytes; the limit is 65536/,
    );
  });

  it('refuses a signature block length no signature could have', async () => {
    const manifest = text(JSON.stringify(manifestFor(entries)));
    const bytes = assemblePack({ manifest, compressed });
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(16 + manifest.length, 0x7fff_ffff, true);
    await expectRefused(read(bytes), 'bad_signature', /too long/);
  });

  it('refuses an entry length that runs past the end of the file', async () => {
    const huge = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const bytes = Buffer.concat([
      forgePack(entries.slice(0, 5), () => {}, publisher.privateKeyPem),
    ]);
    const lastPrefix = bytes.length - 4 - compressed[4]!.length;
    huge.copy(bytes, lastPrefix);
    await expectRefused(read(bytes), 'truncated', /inside entry content\/rules\.json/);
  });

  it('refuses a file larger than the configured limit without reading it', async () => {
    const bytes = forgePack(entries, () => {}, publisher.privateKeyPem);
    await expectRefused(
      readPackFile(bytes, { ...trusted, limits: { maxFileBytes: 1000 } }),
      'too_large',
      /limit is 1000/,
    );
  });
});

describe('hostile manifests', () => {
  it('refuses a manifest that is not JSON, not UTF-8, or starts with a byte-order mark', async () => {
    const json = JSON.stringify(manifestFor(entries));
    const manifests: Array<[Uint8Array, RegExp]> = [
      [text(json.slice(0, -1)), /not valid JSON/],
      [
        Buffer.concat([text(json.slice(0, 40)), Buffer.from([0xc0, 0xaf]), text(json.slice(40))]),
        /not valid UTF-8/,
      ],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(json)]), /not valid JSON/],
    ];
    for (const [manifest, message] of manifests) {
      const bytes = assemblePack({ manifest, signature: publisher.privateKeyPem, compressed });
      await expectRefused(read(bytes), 'bad_manifest', message);
    }
  });

  it('names the manifest field that does not match the schema', async () => {
    const bytes = forgePack(
      entries,
      (m) => {
        (m.counts as { passages: unknown }).passages = -3;
      },
      publisher.privateKeyPem,
    );
    await expectRefused(
      read(bytes),
      'bad_manifest',
      /counts\.passages must be at least 0 \(got -3\)/,
    );
  });

  it('refuses entry paths that climb out of the pack or are absolute', async () => {
    for (const path of [
      '../../etc/passwd',
      '/etc/passwd',
      'content/../../../x',
      'C:\\Windows\\x',
      'content//rules.json',
    ]) {
      await expectRefused(read(withEntryPath(0, path)), 'bad_entry', /not a plain relative path/);
    }
  });

  it('refuses unknown and duplicated entries', async () => {
    await expectRefused(
      read(withEntryPath(0, 'content/evil.js')),
      'bad_entry',
      /"content\/evil\.js" is not a known pack entry/,
    );
    await expectRefused(
      read(withEntryPath(1, 'content/articles.jsonl')),
      'bad_entry',
      /"content\/articles\.jsonl" is listed twice/,
    );
  });

  it('escapes control characters from the file in its messages', async () => {
    const error = await expectRefused(read(withEntryPath(0, 'x\u001b[2Jy')), 'bad_entry');
    expect(error.message).toContain('"x\\u{1b}[2Jy"');
    expect(error.message).not.toContain('\u001b');
  });
});

describe('paths that are not pack files', () => {
  it('refuses a missing file, a folder and a FIFO without hanging', async () => {
    const folder = await tempFolder();
    try {
      await expect(read0(join(folder.path, 'missing.inloop'))).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(read0(folder.path)).rejects.toMatchObject({ code: 'invalid_request' });
      if (process.platform !== 'win32') {
        const fifo = join(folder.path, 'pipe.inloop');
        execFileSync('mkfifo', [fifo]);
        // Opening a FIFO for reading blocks until a writer appears; the reader must not.
        await expect(read0(fifo)).rejects.toThrow(/not a regular file/);
      }
    } finally {
      await folder.remove();
    }
  });
});

const read0 = (path: string) => readPackFile(path, trusted);
