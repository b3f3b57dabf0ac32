/**
 * What the knowledge commands share: the data folder's settings (for trust), and the device's
 * embedder, without starting the rest of the services a CLI command does not need.
 */
import type { CliIo, ParsedArgs } from '../../core/cli/command';
import { dataDirFor, modelsDirFor } from '../../core/cli/cli-context';
import { EventBus } from '../../core/event-bus';
import { silentLogger } from '../../core/log';
import { SettingsService } from '../../settings/settings-service';
import { readCliPolicy } from '../../policy/cli/cli-policy';
import { createKnowledge, type KnowledgeCapability } from '../create-knowledge';

/** The settings of the data folder the command works on, with the managed policy laid over. */
export async function openCliSettings(
  args: ParsedArgs,
  io: CliIo,
): Promise<{ dataDir: string; settings: SettingsService }> {
  const dataDir = dataDirFor(args, io);
  const settings = await SettingsService.open(dataDir, new EventBus(), silentLogger);
  settings.applyPolicy(await readCliPolicy(io));
  return { dataDir, settings };
}

/** The knowledge service over the data folder, with this device's embedder. */
export async function openCliKnowledge(args: ParsedArgs, io: CliIo): Promise<KnowledgeCapability> {
  const { dataDir, settings } = await openCliSettings(args, io);
  return createKnowledge({ dataDir, modelsDir: modelsDirFor(io), env: io.env, settings });
}
