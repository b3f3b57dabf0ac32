/**
 * `inloop feedback --batch <events.jsonl> [--data-dir D]`: records agent decisions exactly as
 * the screen does (see feedback-batch.ts for the line format), so that `inloop search --batch`
 * and `inloop assist --batch` on the same data folder then answer with what was learned. Prints
 * one JSON line per conversation: `{"id","recorded","skipped"}`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dataDirOption } from '../../core/cli/cli-context';
import {
  EXIT_OK,
  UsageError,
  type Command,
  type OpenServices,
  withServices,
} from '../../core/cli/command';
import type { Dispatch } from '../../core/dispatcher';
import type { SettingsService } from '../../settings/settings-service';
import { stringOption } from '../../core/cli/option-values';
import { parseFeedbackLine, recordConversation } from './feedback-batch';

export const feedbackCommand = (
  open: OpenServices<{ readonly dispatch: Dispatch; readonly settings: SettingsService }>,
): Command => ({
  name: 'feedback',
  summary: "Record agents' decisions as the screen does, so this device learns from them",
  usage: 'feedback --batch <events.jsonl> [--data-dir D]',
  options: {
    batch: {
      type: 'string',
      value: '<events.jsonl>',
      description:
        'One conversation per line: {"id","turns","intent"?,"used"?,"dismissed"?,"reply"?}',
    },
    'data-dir': dataDirOption,
  },
  async run(args, io) {
    const batch = stringOption(args, 'batch');
    if (batch === undefined) throw new UsageError('give --batch <events.jsonl>');
    const text = await readFile(resolve(io.cwd, batch), 'utf8');
    // Every line is checked before anything is recorded: a bad line records nothing.
    const lines = text
      .split('\n')
      .map((line, i) => ({ line, where: `${batch} line ${i + 1}` }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, where }) => parseFeedbackLine(line, where));
    return withServices(open, args, io, async (services) => {
      if (!services.settings.get().learning.enabled)
        io.stderr(
          "inloop feedback: learning is off in this data folder's settings: decisions are logged, nothing is learned\n",
        );
      for (const line of lines) {
        io.stdout(`${JSON.stringify(await recordConversation(services.dispatch, line))}\n`);
      }
      return EXIT_OK;
    });
  },
});
