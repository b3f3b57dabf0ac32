/**
 * Sends a picked pack file to the services in chunks (`packs:upload-begin`, then
 * `packs:upload-chunk` per `PACK_UPLOAD_CHUNK_BYTES`): the screen has no path to give, and one
 * message holding a whole pack would be refused by the web host's message limit.
 */
import type { InloopApi } from '../../../shared/api';
import { fail, type Result } from '../../../shared/result';
import { PACK_UPLOAD_CHUNK_BYTES } from '../../../shared/schemas/packs';

/** A picked file: its name and its bytes (a DOM `File`). */
export interface PackFile {
  readonly name: string;
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** Uploads `file`; the upload id to install, or the first refusal. */
export async function uploadPackFile(
  packs: InloopApi['packs'],
  file: PackFile,
): Promise<Result<{ uploadId: string }>> {
  const begun = await packs.uploadBegin({ fileName: file.name, size: file.size });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value;
  for (let offset = 0; offset < file.size; offset += PACK_UPLOAD_CHUNK_BYTES) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(
        await file.slice(offset, offset + PACK_UPLOAD_CHUNK_BYTES).arrayBuffer(),
      );
    } catch (cause) {
      return fail('invalid_request', `${file.name} could not be read: ${(cause as Error).message}`);
    }
    const sent = await packs.uploadChunk({ uploadId, offset, bytesBase64: toBase64(bytes) });
    if (!sent.ok) return sent;
  }
  return { ok: true, value: { uploadId } };
}

/** Base64 of `bytes`, in slices small enough for `String.fromCharCode`'s argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}
