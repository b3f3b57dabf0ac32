import type { Command } from '../../services/core/cli/command';
import { doctorCommand } from '../../services/diagnostics/cli/doctor-command';
import { modelsCommand } from '../../services/models/cli/models-command';
import { serveCommand } from '../web/serve-command';
import { assistCommand } from '../../services/assist/cli/assist-command';
import { reportCommand } from '../../services/assist/cli/report-command';
import { transcribeCommand } from '../../services/speech/cli/transcribe-command';
import { packCommand } from '../../services/packs/cli/pack-command';
import { searchCommand } from '../../services/knowledge/cli/search-command';
import { policyCommand } from '../../services/policy/cli/policy-command';
import { feedCommand } from '../../services/packs/feed/cli/feed-command';

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
  // ── policy and feeds: policy, feed ──
  policyCommand,
  feedCommand,
];
