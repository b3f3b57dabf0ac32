/**
 * Child process of the kill -9 test: installs one pack into a data dir the way the app does
 * (the pack installer with the knowledge indexer), printing `ready` first so the parent can
 * time its kill. Usage: node --import tsx install-child.ts <dataDir> <pack.inloop>
 */
import { createPackIndexer } from '../../../../../electron/services/knowledge';
import { PackInstaller } from '../../../../../electron/services/packs';

const [dataDir, packFile] = process.argv.slice(2);
const installer = await PackInstaller.open({
  dataDir: dataDir!,
  trust: () => ({ trustedKeys: [], allowUnsigned: true }),
  indexer: createPackIndexer(null),
});
process.stdout.write('ready\n');
await installer.install({ path: packFile! });
process.stdout.write('done\n');
