/**
 * WAV parsing for `inloop transcribe` and the tests: PCM at 8–48 kHz, 16/24/32-bit integer or
 * 32-bit float, mono or stereo, into one Float32Array (−1…1) per channel.
 */
import { AppError } from '../result';

/** Decoded audio: one array of samples per channel, all the same length. */
export interface DecodedAudio {
  readonly sampleRate: number;
  readonly channels: readonly Float32Array[];
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
const MIN_RATE = 8_000;
const MAX_RATE = 48_000;

interface Format {
  code: number;
  channels: number;
  sampleRate: number;
  bits: number;
  blockAlign: number;
}

const corrupt = (why: string) =>
  new AppError('invalid_request', `Not a readable WAV file: ${why}.`);
const tag = (view: DataView, at: number) =>
  String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );

/** Parse a whole WAV file. Throws AppError `invalid_request` (corrupt) or `unsupported`. */
export function parseWav(bytes: Uint8Array): DecodedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') {
    throw corrupt('it does not start with a RIFF/WAVE header');
  }
  let format: Format | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + size > bytes.byteLength) throw corrupt('the fmt chunk is truncated');
      format = readFormat(view, body, size);
    } else if (id === 'data') {
      if (!format) throw corrupt('the data chunk comes before the fmt chunk');
      // Streaming writers leave the size at 0 or 0xFFFFFFFF: take what is there.
      const end = size === 0 || body + size > bytes.byteLength ? bytes.byteLength : body + size;
      return decodeSamples(view, body, end, format);
    }
    offset = body + size + (size % 2);
  }
  throw corrupt(format ? 'it has no data chunk' : 'it has no fmt chunk');
}

function readFormat(view: DataView, at: number, size: number): Format {
  let code = view.getUint16(at, true);
  const format: Format = {
    code,
    channels: view.getUint16(at + 2, true),
    sampleRate: view.getUint32(at + 4, true),
    blockAlign: view.getUint16(at + 12, true),
    bits: view.getUint16(at + 14, true),
  };
  if (code === FORMAT_EXTENSIBLE) {
    if (size < 40) throw corrupt('the extensible fmt chunk is truncated');
    code = view.getUint16(at + 24, true);
  }
  format.code = code;
  if (code !== FORMAT_PCM && code !== FORMAT_FLOAT) {
    throw new AppError(
      'unsupported',
      `WAV format code ${code} is not supported: use PCM (integer) or 32-bit float samples.`,
    );
  }
  const supportedBits = code === FORMAT_FLOAT ? [32] : [16, 24, 32];
  if (!supportedBits.includes(format.bits)) {
    throw new AppError(
      'unsupported',
      `${format.bits}-bit ${code === FORMAT_FLOAT ? 'float' : 'integer'} samples are not supported: ` +
        'use 16, 24 or 32-bit integer, or 32-bit float.',
    );
  }
  if (format.channels !== 1 && format.channels !== 2) {
    throw new AppError(
      'unsupported',
      `${format.channels} channels are not supported: use mono or stereo (agent left, customer right).`,
    );
  }
  if (format.sampleRate < MIN_RATE || format.sampleRate > MAX_RATE) {
    throw new AppError(
      'unsupported',
      `A sample rate of ${format.sampleRate} Hz is not supported: use 8,000 to 48,000 Hz.`,
    );
  }
  if (format.blockAlign !== (format.bits / 8) * format.channels) {
    throw corrupt(`the block size ${format.blockAlign} does not match ${format.bits}-bit samples`);
  }
  return format;
}

function decodeSamples(view: DataView, start: number, end: number, format: Format): DecodedAudio {
  const frames = Math.floor((end - start) / format.blockAlign);
  const channels = Array.from({ length: format.channels }, () => new Float32Array(frames));
  const bytesPerSample = format.bits / 8;
  const read = sampleReader(format);
  for (let i = 0; i < frames; i++) {
    const frame = start + i * format.blockAlign;
    for (let c = 0; c < format.channels; c++) {
      channels[c]![i] = read(view, frame + c * bytesPerSample);
    }
  }
  return { sampleRate: format.sampleRate, channels };
}

function sampleReader(format: Format): (view: DataView, at: number) => number {
  if (format.code === FORMAT_FLOAT) return (view, at) => view.getFloat32(at, true);
  switch (format.bits) {
    case 16:
      return (view, at) => view.getInt16(at, true) / 32_768;
    case 24:
      return (view, at) => {
        const value =
          view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        return value / 8_388_608;
      };
    default:
      return (view, at) => view.getInt32(at, true) / 2_147_483_648;
  }
}

/** A 16-bit PCM WAV file of the given channels (tests, saved call audio). */
export function encodeWav(sampleRate: number, channels: readonly Float32Array[]): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const blockAlign = 2 * channels.length;
  const bytes = new Uint8Array(44 + frames * blockAlign);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) =>
    [...text].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + frames * blockAlign, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, frames * blockAlign, true);
  for (let i = 0; i < frames; i++) {
    channels.forEach((channel, c) => {
      const s = Math.max(-1, Math.min(1, channel[i]!));
      view.setInt16(44 + i * blockAlign + c * 2, Math.round(s * 32_767), true);
    });
  }
  return bytes;
}
