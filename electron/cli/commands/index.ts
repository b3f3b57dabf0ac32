import type { Command } from '../command';
import { doctorCommand } from './doctor';
import { serveCommand } from './serve';
import { packCommand } from '../../packs/cli/pack-command';

/** Every `inloop` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  serveCommand,
  doctorCommand,
  packCommand,
  // ── knowledge: search, models ──
  // ── assist: assist, report ──
  // ── speech: transcribe ──
];
