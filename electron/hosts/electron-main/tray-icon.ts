/**
 * Tray icons drawn at runtime, one per capture state, so nothing binary ships and the icon
 * always matches the tooltip: a grey ring when idle, a green dot while listening, an amber
 * dot with pause bars when paused. Pure: pixels in, PNG bytes out (node:zlib only).
 */
import { crc32, deflateSync } from 'node:zlib';
import { assertNever } from '../../../shared/result';
import type { CaptureStatus } from './tray-menu';

type Rgb = readonly [number, number, number];

const GREY: Rgb = [138, 143, 152];
const GREEN: Rgb = [46, 158, 91];
const AMBER: Rgb = [208, 138, 0];
const WHITE: Rgb = [255, 255, 255];

/** Icon size in pixels; shown at half size (scale factor 2), i.e. 16 points. */
export const TRAY_ICON_PIXELS = 32;

/** The colour (or nothing) at a point of the unit icon, centred at (0, 0), radius 1. */
function paint(capture: CaptureStatus, x: number, y: number): Rgb | null {
  const r = Math.hypot(x, y);
  if (r > 0.9) return null;
  switch (capture) {
    case 'idle':
      return r >= 0.62 ? GREY : null;
    case 'listening':
      return GREEN;
    case 'paused': {
      const inBar = Math.abs(y) < 0.42 && Math.abs(x) > 0.12 && Math.abs(x) < 0.36;
      return inBar ? WHITE : AMBER;
    }
    default:
      return assertNever(capture);
  }
}

/** RGBA pixels of the icon for `capture`, anti-aliased by 4×4 supersampling. */
export function trayIconPixels(capture: CaptureStatus, size = TRAY_ICON_PIXELS): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          const colour = paint(capture, x, y);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          hits++;
        }
      }
      const at = (py * size + px) * 4;
      if (hits === 0) continue;
      pixels[at] = Math.round(red / hits);
      pixels[at + 1] = Math.round(green / hits);
      pixels[at + 2] = Math.round(blue / hits);
      pixels[at + 3] = Math.round((255 * hits) / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encode RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PNG bytes of the tray icon for `capture`. */
export function trayIconPng(capture: CaptureStatus): Buffer {
  return encodePng(TRAY_ICON_PIXELS, TRAY_ICON_PIXELS, trayIconPixels(capture));
}
