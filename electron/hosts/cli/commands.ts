/**
 * Every `inloop` command, in the order `--help` lists them. Commands that use the services get
 * the composition root's opener here; their code lives in their capability's `cli/` folder.
 */
import { openServices } from '../../app/open-services';
import type { Command, OpenServices } from '../../services/core/cli/command';
import type { Services } from '../../app/create-services';
import { assistCommand } from '../../services/assist/cli/assist-command';
import { doctorCommand } from '../../services/diagnostics/cli/doctor-command';
import { searchCommand } from '../../services/knowledge/cli/search-command';
import { feedbackCommand } from '../../services/learning/cli/feedback-command';
import { learnCommand } from '../../services/learning/cli/learn-command';
import { reportCommand } from '../../services/learning/cli/report-command';
import { modelsCommand } from '../../services/models/cli/models-command';
import { packCommand } from '../../services/packs/cli/pack-command';
import { transcribeCommand } from '../../services/speech/cli/transcribe-command';
import { serveCommand } from '../web/serve-command';
import { policyCommand } from '../../services/policy/cli/policy-command';
import { feedCommand } from '../../services/packs/feed/cli/feed-command';

const open: OpenServices<Services> = (args, io) => openServices(args, io, 'cli');

export const commands: readonly Command[] = [
  serveCommand,
  doctorCommand,
  packCommand(open),
  // ── knowledge: search, models ──
  searchCommand(open),
  modelsCommand,
  // ── assist: assist ──
  assistCommand(open),
  // ── learning: feedback, learn, report ──
  feedbackCommand(open),
  learnCommand(open),
  reportCommand,
  // ── speech: transcribe ──
  transcribeCommand,
  // ── policy and feeds: policy, feed ──
  policyCommand,
  feedCommand(open),
];
