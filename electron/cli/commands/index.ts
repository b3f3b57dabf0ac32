import type { Command } from '../command';
import { doctorCommand } from './doctor';
import { modelsCommand } from './models';
import { serveCommand } from './serve';
import { assistCommand } from './assist';
import { reportCommand } from './report';
import { transcribeCommand } from './transcribe';
import { packCommand } from '../../packs/cli/pack-command';
import { searchCommand } from '../../knowledge/cli/search-command';

/** Every `inloop` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  serveCommand,
  doctorCommand,
  packCommand,
  // ── knowledge: search, models ──
  searchCommand,
  modelsCommand,
  // ── assist: assist, report ──
  assistCommand,
  reportCommand,
  // ── speech: transcribe ──
  transcribeCommand,
];
