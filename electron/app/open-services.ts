/** The services of the data folder a CLI command (or `inloop serve`) names, with the OS keychain. */
import type { HostKind } from '../../shared/schemas/app';
import type { CliIo, ParsedArgs } from '../services/core/cli/command';
import { appRoot, appVersion, dataDirFor, modelsDirFor } from '../services/core/cli/cli-context';
import { createLogger } from '../services/core/log';
import { createKeytarSecretStore } from '../services/secrets/keytar-secret-store';
import { createServices, type Services } from './create-services';

/** `inloop serve` runs the app for an agent (ingest endpoint); other commands only use it. */
export function openServices(args: ParsedArgs, io: CliIo, host: HostKind): Promise<Services> {
  return createServices({
    host,
    appVersion,
    appRoot,
    dataDir: dataDirFor(args, io),
    modelsDir: modelsDirFor(io),
    env: io.env,
    secretStore: createKeytarSecretStore(),
    logger: createLogger(host === 'web' ? 'serve' : 'inloop'),
    runsApp: host === 'web',
    processDiagnostics: args.values.diagnostics === true,
  });
}
