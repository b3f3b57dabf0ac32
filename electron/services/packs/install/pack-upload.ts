/**
 * Uploaded packs (the screen has a picked file, not a path): the bytes arrive in chunks of at
 * most `PACK_UPLOAD_CHUNK_BYTES`, in order, into a private file in `<data>/uploads/`; once
 * complete, the install gets its path, and the file is removed whatever the install does.
 * The declared size is checked against the pack format's limit before anything is written;
 * a few uploads at a time, and one left idle for ten minutes is dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../../shared/result';
import { MAX_PACK_FILE_BYTES } from '../../../../shared/schemas/packs';

export interface PackUploadOptions {
  /** Largest file accepted (default: the pack format's). */
  readonly maxFileBytes?: number;
  /** Uploads in progress at once. */
  readonly maxOpen?: number;
  /** An upload without a chunk for this long is dropped. */
  readonly idleMs?: number;
  readonly now?: () => number;
}

interface Upload {
  readonly fileName: string;
  readonly size: number;
  readonly path: string;
  readonly handle: FileHandle;
  received: number;
  lastSeen: number;
  /** A chunk is being written (chunks of one upload never overlap). */
  writing: boolean;
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MiB`;

export class PackUploads {
  private readonly uploads = new Map<string, Upload>();
  private readonly folder: string;
  private readonly maxFileBytes: number;
  private readonly maxOpen: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(dataDir: string, options: PackUploadOptions = {}) {
    this.folder = join(dataDir, 'uploads');
    this.maxFileBytes = options.maxFileBytes ?? MAX_PACK_FILE_BYTES;
    this.maxOpen = options.maxOpen ?? 4;
    this.idleMs = options.idleMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts an upload of `size` bytes; refused over the pack format's size limit. */
  async begin(fileName: string, size: number): Promise<{ uploadId: string }> {
    if (size > this.maxFileBytes) {
      throw new AppError(
        'invalid_request',
        `${fileName} is ${mib(size)}; a pack file may be at most ${mib(this.maxFileBytes)}`,
      );
    }
    await this.dropIdle();
    if (this.uploads.size >= this.maxOpen) {
      throw new AppError(
        'conflict',
        `${this.uploads.size} pack uploads are in progress; wait for one to finish`,
      );
    }
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const uploadId = randomBytes(16).toString('hex');
    const path = join(this.folder, `${uploadId}.part`);
    const handle = await open(path, 'wx', 0o600);
    this.uploads.set(uploadId, {
      fileName,
      size,
      path,
      handle,
      received: 0,
      lastSeen: this.now(),
      writing: false,
    });
    return { uploadId };
  }

  /** Writes the next chunk; `offset` must be the number of bytes received so far. */
  async append(uploadId: string, offset: number, bytes: Uint8Array): Promise<{ received: number }> {
    const upload = this.find(uploadId);
    if (upload.writing || offset !== upload.received) {
      throw new AppError(
        'conflict',
        `upload of ${upload.fileName}: expected offset ${upload.received}, got ${offset}`,
      );
    }
    if (offset + bytes.length > upload.size) {
      throw new AppError(
        'invalid_request',
        `upload of ${upload.fileName}: more than the ${upload.size} bytes declared`,
      );
    }
    upload.writing = true;
    try {
      await upload.handle.write(bytes, 0, bytes.length, offset);
      upload.received += bytes.length;
      upload.lastSeen = this.now();
    } catch (error) {
      await this.discard(uploadId);
      throw error;
    } finally {
      upload.writing = false;
    }
    return { received: upload.received };
  }

  /** Runs `work` on the complete upload's file, then removes the file and forgets the upload. */
  async withFile<T>(uploadId: string, work: (path: string) => Promise<T>): Promise<T> {
    const upload = this.find(uploadId);
    if (upload.writing || upload.received !== upload.size) {
      throw new AppError(
        'conflict',
        `upload of ${upload.fileName} is not complete: ${upload.received} of ${upload.size} bytes received`,
      );
    }
    this.uploads.delete(uploadId);
    try {
      await upload.handle.close();
      return await work(upload.path);
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /**
   * Removes staged files nobody has written to for the idle time: what a previous run left.
   * Recent ones may be another process's upload in progress (the app while a CLI opens).
   */
  async sweep(): Promise<void> {
    await this.dropIdle();
    const names = await readdir(this.folder).catch(() => []);
    const oldest = this.now() - this.idleMs;
    for (const name of names) {
      const path = join(this.folder, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < oldest) await rm(path, { force: true, recursive: true });
    }
  }

  /** Drops this process's uploads in progress. */
  async close(): Promise<void> {
    for (const id of [...this.uploads.keys()]) await this.discard(id);
  }

  private find(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) {
      throw new AppError('not_found', 'no such pack upload (finished, abandoned or unknown)');
    }
    return upload;
  }

  private async dropIdle(): Promise<void> {
    const now = this.now();
    for (const [id, upload] of this.uploads) {
      if (!upload.writing && now - upload.lastSeen > this.idleMs) await this.discard(id);
    }
  }

  private async discard(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    await upload.handle.close().catch(() => undefined);
    await rm(upload.path, { force: true });
  }
}
