/**
 * Child process for the crash probes: runs the web host the way `inloop serve` does (real
 * services on a temp data folder) and prints `{"port":…,"token":…}` once it listens. A probe
 * that crashes this process shows up as its exit. Usage:
 * node --import tsx serve-child.ts <dataDir> <rendererDir>
 */
import { findAppRoot } from '../../../../electron/services/core/app-root';
import { createServices } from '../../../../electron/app/create-services';
import { silentLogger } from '../../../../electron/services/core/log';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import { startWebHost } from '../../../../electron/hosts/web/web-host';

const [dataDir, rendererDir] = process.argv.slice(2);
const services = await createServices({
  host: 'web',
  appVersion: '0.0.0-test',
  appRoot: findAppRoot(),
  dataDir: dataDir!,
  modelsDir: `${dataDir}/models`,
  secretStore: createMemorySecretStore(),
  logger: silentLogger,
});
const host = await startWebHost({ services, rendererDir: rendererDir!, port: 0 });
process.stdout.write(`${JSON.stringify({ port: host.port, token: host.token })}\n`);
