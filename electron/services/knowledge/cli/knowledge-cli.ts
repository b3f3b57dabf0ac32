/**
 * What the knowledge commands share: the data folder's settings (for trust), and the device's
 * embedder, without starting the rest of the services a CLI command does not need.
 */
import type { CliIo, ParsedArgs } from '../../core/cli/command';
import { dataDirFor, modelsDirFor } from '../../core/cli/cli-context';
import { EventBus } from '../../core/event-bus';
import { silentLogger } from '../../core/log';
import { LearningService } from '../../learning/learning-service';
import { SettingsService } from '../../settings/settings-service';
import { createKnowledge, type KnowledgeCapability } from '../create-knowledge';

/** The settings of the data folder the command works on. */
export async function openCliSettings(
  args: ParsedArgs,
  io: CliIo,
): Promise<{ dataDir: string; settings: SettingsService }> {
  const dataDir = dataDirFor(args, io);
  return { dataDir, settings: await SettingsService.open(dataDir, new EventBus(), silentLogger) };
}

/**
 * The knowledge service over the data folder, with this device's embedder and what the device
 * learned (read only: a search teaches nothing).
 */
export async function openCliKnowledge(args: ParsedArgs, io: CliIo): Promise<KnowledgeCapability> {
  const { dataDir, settings } = await openCliSettings(args, io);
  const learning = await LearningService.open({ dataDir, settings: () => settings.get().learning });
  return createKnowledge({
    dataDir,
    modelsDir: modelsDirFor(io),
    env: io.env,
    settings,
    learned: learning.ranking,
  });
}
