/**
 * The learning capability: what the agents' decisions teach this device at once (article
 * priors, intent examples, reply acceptance and rewrites, flag weights) and what it shares with
 * the team lead (bundles, the team report). The composition root passes `service.ranking` to
 * knowledge, `service.assist` to assist, and feeds `service.observe` from the feedback log.
 */
import type { Capability } from '../core/capability';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { SettingsService } from '../settings/settings-service';
import { teamReportOf } from './bundle-files';
import { LearningService } from './learning-service';

export { LearningService };

export interface LearningDeps {
  readonly dataDir: string;
  readonly settings: SettingsService;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  /** `id@version` of every installed pack. */
  readonly packs?: () => Promise<readonly string[]>;
  readonly saveDelayMs?: number;
}

export async function createLearning(
  deps: LearningDeps,
): Promise<Capability<LearningService, 'learning'>> {
  const service = await LearningService.open({
    dataDir: deps.dataDir,
    settings: () => deps.settings.get().learning,
    bus: deps.bus,
    logger: deps.logger,
    packs: deps.packs,
    saveDelayMs: deps.saveDelayMs,
  });
  const stop = deps.bus?.subscribe((event) => {
    if (event === 'knowledge:changed') void service.refreshPacks();
  });
  return {
    service,
    handlers: {
      'learning:status': () => service.summary(),
      'learning:forget': () => service.forget(),
      'learning:team-report': ({ dir }) => teamReportOf(dir),
    },
    close: async () => {
      stop?.();
      await service.close();
    },
  };
}
