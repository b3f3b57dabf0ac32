/**
 * The packs capability: one `PackInstaller` behind the `packs:*` channels, `inloop pack` and
 * pack feeds. Trust comes from the settings at each call; the index of an installed version is
 * built by the indexer the composition root passes in (the knowledge service's).
 */
import { lockOf } from '../../../shared/schemas/policy';
import type { Capability } from '../core/capability';
import { lockedMessage } from '../settings/settings-policy';
import type { SettingsService } from '../settings/settings-service';
import type { PackTrust } from './install/check-pack';
import type { PackIndexer } from './install/pack-store';
import { PackInstaller } from './pack-installer';

export { PackInstaller, type PackSource, type PackVerdict } from './pack-installer';
export type { PackIndexer } from './install/pack-store';
export type { PackTrust } from './install/check-pack';

export interface PacksDeps {
  readonly dataDir: string;
  /** Which publishers to trust, read at each call (`trustFromSettings` in the app). */
  readonly trust: () => PackTrust;
  readonly indexer: PackIndexer;
  readonly examplePackDir?: string;
}

/** Trust as the settings say now. */
export function trustFromSettings(settings: SettingsService): PackTrust {
  const { trustedPublisherKeys, allowUnsignedPacks } = settings.get().knowledge;
  const lock = lockOf(settings.policyReport(), 'knowledge.allowUnsignedPacks');
  return {
    trustedKeys: trustedPublisherKeys.map((k) => k.publicKeyPem),
    allowUnsigned: allowUnsignedPacks,
    ...(lock && lock.value === false ? { unsignedLocked: lockedMessage([lock]) } : {}),
  };
}

export async function createPacks(deps: PacksDeps): Promise<Capability<PackInstaller, 'packs'>> {
  const installer = await PackInstaller.open({
    dataDir: deps.dataDir,
    trust: deps.trust,
    indexer: deps.indexer,
    examplePackDir: deps.examplePackDir,
  });
  return {
    service: installer,
    handlers: {
      'packs:list': () => installer.list(),
      'packs:install': ({ allowDowngrade, ...source }) =>
        installer.install(source, { allowDowngrade }),
      'packs:install-demo': () => installer.installDemo(),
      'packs:remove': ({ id }) => installer.remove(id),
      'packs:rollback': ({ id }) => installer.rollback(id),
    },
    close: async () => {},
  };
}
