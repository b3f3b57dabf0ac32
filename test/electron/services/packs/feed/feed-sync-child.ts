/**
 * Child process of the feed kill -9 test: one device checking one feed and installing what it
 * says, the way the app does (FeedService over the one PackInstaller), printing `ready` first.
 * Usage: node --import tsx feed-sync-child.ts <dataDir> <feedUrl> <trusted-public.pem>
 */
import { readFile } from 'node:fs/promises';
import { FeedService } from '../../../../../electron/services/packs/feed';
import { parseTrustedKeys } from '../../../../../electron/services/packs/pack-file/pack-signature';
import { openInstaller } from './feed-fixtures';

const [dataDir, url, keyPath] = process.argv.slice(2);
const trusted = [await readFile(keyPath!, 'utf8')];
const service = await FeedService.open({
  dataDir: dataDir!,
  installer: await openInstaller(dataDir!, trusted),
  trusted: () => parseTrustedKeys(trusted),
  bucket: 0,
  subscriptions: () => [{ url: url!, channel: 'stable', pins: {} }],
  pollMinutes: () => 60,
  origin: () => 'policy',
});
process.stdout.write('ready\n');
const status = await service.checkAll();
process.stdout.write(`${JSON.stringify(status.feeds[0]?.packs)}\n`);
await service.close();
