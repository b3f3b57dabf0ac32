/**
 * The settings capability: `settings.json` in the data folder (versioned, validated, migrated,
 * written atomically) behind the `settings:*` channels; every change is a `settings:changed`.
 */
import type { Capability } from '../core/capability';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import { SettingsService } from './settings-service';

export { SettingsService };

export interface SettingsDeps {
  readonly dataDir: string;
  readonly bus: EventBus;
  readonly logger: Logger;
}

export async function createSettings(
  deps: SettingsDeps,
): Promise<Capability<SettingsService, 'settings'>> {
  const settings = await SettingsService.open(deps.dataDir, deps.bus, deps.logger);
  return {
    service: settings,
    handlers: {
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      'settings:reset': () => settings.reset(),
    },
    close: async () => {},
  };
}
