import type { Command } from '../../services/core/cli/command';
import { doctorCommand } from '../../services/diagnostics/cli/doctor-command';
import { modelsCommand } from '../../services/models/cli/models-command';
import { serveCommand } from '../web/serve-command';
import { assistCommand } from '../../services/assist/cli/assist-command';
import { transcribeCommand } from '../../services/speech/cli/transcribe-command';
import { packCommand } from '../../services/packs/cli/pack-command';
import { searchCommand } from '../../services/knowledge/cli/search-command';
import { feedbackCommand } from '../../services/learning/cli/feedback-command';
import { learnCommand } from '../../services/learning/cli/learn-command';
import { reportCommand } from '../../services/learning/cli/report-command';

/** Every `inloop` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  serveCommand,
  doctorCommand,
  packCommand,
  // ── knowledge: search, models ──
  searchCommand,
  modelsCommand,
  // ── assist: assist ──
  assistCommand,
  // ── learning: feedback, learn, report ──
  feedbackCommand,
  learnCommand,
  reportCommand,
  // ── speech: transcribe ──
  transcribeCommand,
];
