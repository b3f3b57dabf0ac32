import type { Command } from '../command';
import { doctorCommand } from './doctor';
import { serveCommand } from './serve';

/** Every `inloop` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  serveCommand,
  doctorCommand,
  // ── knowledge: pack, search, models ──
  // ── assist: assist, report ──
  // ── speech: transcribe ──
];
