/**
 * Uploads staged in the data folder, chunk by chunk (the screen's Settings → Knowledge packs
 * sends a picked file this way): the size limit is the pack format's, chunks must arrive in
 * order, an unfinished or unknown upload cannot be installed, and the staged file is private
 * and gone once the install is done, whatever its outcome.
 */
import { mkdtemp, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_LIMITS } from '../../../../../electron/services/packs/pack-file/pack-limits';
import { PackUploads } from '../../../../../electron/services/packs/install/pack-upload';
import {
  MAX_PACK_FILE_BYTES,
  PACK_UPLOAD_CHUNK_BYTES,
  PackUploadChunkSchema,
} from '../../../../../shared/schemas/packs';

let dir: string;
let clock: number;
let uploads: PackUploads;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-upload-'));
  clock = 1_000_000;
  uploads = new PackUploads(dir, { now: () => clock });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

async function sendAll(id: string, data: Uint8Array) {
  for (let at = 0; at < data.length; at += PACK_UPLOAD_CHUNK_BYTES) {
    await uploads.append(id, at, data.subarray(at, at + PACK_UPLOAD_CHUNK_BYTES));
  }
}

describe('pack uploads', () => {
  it('takes the size limit from the pack format', () => {
    expect(MAX_PACK_FILE_BYTES).toBe(DEFAULT_PACK_LIMITS.maxFileBytes);
    const tooBig = 'A'.repeat(Math.ceil(PACK_UPLOAD_CHUNK_BYTES / 3) * 4 + 4);
    expect(
      PackUploadChunkSchema.safeParse({ uploadId: 'a'.repeat(32), offset: 0, bytesBase64: tooBig })
        .success,
    ).toBe(false);
  });

  it('stages the chunks in order and hands the finished file to the install, then removes it', async () => {
    const data = Uint8Array.from({ length: PACK_UPLOAD_CHUNK_BYTES * 2 + 123 }, (_, i) => i % 251);
    const { uploadId } = await uploads.begin('acme.inloop', data.length);
    await sendAll(uploadId, data);
    let seen: { path: string; mode: number; content: Buffer } | null = null;
    const result = await uploads.withFile(uploadId, async (path) => {
      seen = { path, mode: (await stat(path)).mode & 0o777, content: await readFile(path) };
      return 'installed';
    });
    expect(result).toBe('installed');
    expect(seen!.path.startsWith(join(dir, 'uploads'))).toBe(true);
    expect(seen!.mode).toBe(0o600);
    expect(Buffer.compare(seen!.content, Buffer.from(data))).toBe(0);
    expect(await readdir(join(dir, 'uploads'))).toEqual([]);
    await expect(uploads.withFile(uploadId, async () => 'again')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('removes the staged file when the install fails', async () => {
    const { uploadId } = await uploads.begin('bad.inloop', 10);
    await uploads.append(uploadId, 0, bytes(10));
    await expect(
      uploads.withFile(uploadId, async () => {
        throw new Error('tampered');
      }),
    ).rejects.toThrow('tampered');
    expect(await readdir(join(dir, 'uploads'))).toEqual([]);
  });

  it('refuses a file over the pack format limit before anything is written', async () => {
    await expect(uploads.begin('huge.inloop', MAX_PACK_FILE_BYTES + 1)).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/huge\.inloop .* at most 512 MiB/),
    });
  });

  it('refuses chunks out of order, past the declared size, or for an unknown upload', async () => {
    const { uploadId } = await uploads.begin('acme.inloop', 20);
    await expect(uploads.append(uploadId, 5, bytes(5))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('expected offset 0'),
    });
    await uploads.append(uploadId, 0, bytes(15));
    await expect(uploads.append(uploadId, 15, bytes(6))).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('20 bytes'),
    });
    await expect(uploads.append('f'.repeat(32), 0, bytes(1))).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('will not install an upload that is not complete', async () => {
    const { uploadId } = await uploads.begin('acme.inloop', 20);
    await uploads.append(uploadId, 0, bytes(10));
    await expect(uploads.withFile(uploadId, async () => 'x')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('10 of 20 bytes'),
    });
  });

  it('bounds the uploads in progress and forgets abandoned ones', async () => {
    for (let i = 0; i < 4; i++) await uploads.begin(`p${i}.inloop`, 10);
    await expect(uploads.begin('p5.inloop', 10)).rejects.toMatchObject({ code: 'conflict' });
    clock += 11 * 60_000;
    const { uploadId } = await uploads.begin('p6.inloop', 10);
    expect(await readdir(join(dir, 'uploads'))).toEqual([`${uploadId}.part`]);
  });

  it('sweeps what a previous run left, not what another process is sending now', async () => {
    const left = await uploads.begin('left.inloop', 10);
    const old = new Date(Date.now() - 60 * 60_000);
    await utimes(join(dir, 'uploads', `${left.uploadId}.part`), old, old);
    const current = await uploads.begin('current.inloop', 10);
    await new PackUploads(dir).sweep();
    expect(await readdir(join(dir, 'uploads'))).toEqual([`${current.uploadId}.part`]);
    await uploads.close();
    expect(await readdir(join(dir, 'uploads'))).toEqual([]);
  });
});
