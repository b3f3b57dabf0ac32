/**
 * Child process of the kill -9 test: installs one pack into a data dir the way the app does
 * (PackStore + the knowledge indexer), printing `ready` first so the parent can time its kill.
 * Usage: node --import tsx install-child.ts <dataDir> <pack.inloop>
 */
import { createPackIndexer } from '../../../../../electron/services/knowledge/pack-indexer';
import { PackStore } from '../../../../../electron/services/packs/install/pack-store';

const [dataDir, packFile] = process.argv.slice(2);
const store = new PackStore(dataDir!);
process.stdout.write('ready\n');
await store.install(packFile!, {
  trust: { trustedKeys: [], allowUnsigned: true },
  indexer: createPackIndexer(null),
});
process.stdout.write('done\n');
