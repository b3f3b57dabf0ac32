/**
 * The learning service: it watches every record of the feedback log as it is made (with what
 * the screen showed at that moment), learns from the agent's decisions at once, and hands what
 * it learned to search (article priors), to the assist engine (intent examples, reply ranking
 * and rewrites, flag weights) and to `inloop learn export`. The state is saved to the data
 * folder shortly after each change and on close. Settings → Learning turns it off (nothing is
 * learned or applied; what was learned is kept) or forgets everything.
 */
import { learningExportRefusal } from './export-rule';
import type { AssistLearning } from '../../../shared/learning/assist-learning';
import { adjustSuggestions } from '../../../shared/learning/assist-learning';
import { exportBundle } from '../../../shared/learning/bundle';
import { flagWeight } from '../../../shared/learning/flag-weights';
import { learnedExamples } from '../../../shared/learning/intent-examples';
import { scoresWithPriors, type LearnedRanking } from '../../../shared/learning/knowledge-priors';
import { emptyLearnedState, type LearnedState } from '../../../shared/learning/learned-state';
import {
  observeRecord,
  type ObservedContext,
  type ObservedRecord,
} from '../../../shared/learning/observe';
import { commonRewrite } from '../../../shared/learning/reply-learning';
import { AppError } from '../../../shared/result';
import type {
  BundleLine,
  LearningSettings,
  LearningSummary,
} from '../../../shared/schemas/learning';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import { loadLearned, removeLearned, saveLearned } from './learning-store';

export interface LearningServiceOptions {
  readonly dataDir: string;
  /** The `learning` settings as they are now. */
  readonly settings: () => LearningSettings;
  readonly bus?: EventBus;
  readonly logger?: Logger;
  /** `id@version` of every installed pack (for the per-version counts of the team report). */
  readonly packs?: () => Promise<readonly string[]>;
  /** Milliseconds between a change and its save (default 2 s; the CLI saves on close). */
  readonly saveDelayMs?: number;
  readonly now?: () => number;
}

export class LearningService {
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;
  private bytes: number;
  private packList: readonly string[] = [];
  private examples: { revision: number; map: ReadonlyMap<string, readonly string[]> } | null = null;
  private readonly now: () => number;

  private constructor(
    private readonly options: LearningServiceOptions,
    private state: LearnedState,
    private readonly device: string,
    bytes: number,
  ) {
    this.bytes = bytes;
    this.now = options.now ?? Date.now;
  }

  /** Loads the learned state of the data folder (moving a damaged file aside). */
  static async open(options: LearningServiceOptions): Promise<LearningService> {
    const loaded = await loadLearned(options.dataDir);
    if (loaded.warning) options.logger?.warn(loaded.warning);
    return new LearningService(options, loaded.state, loaded.device, loaded.bytes);
  }

  private get enabled(): boolean {
    return this.options.settings().enabled;
  }

  /** Reads the installed pack versions again (after packs changed). */
  async refreshPacks(): Promise<void> {
    this.packList = (await this.options.packs?.()) ?? [];
  }

  /** Learns from one feedback record, given what the screen showed (no-op when off). */
  observe(record: ObservedRecord, context: Omit<ObservedContext, 'packs'>): void {
    if (!this.enabled) return;
    observeRecord(this.state, record, { ...context, packs: this.packList });
    this.scheduleSave();
  }

  /** The learned re-ranking step search applies. */
  readonly ranking: LearnedRanking = {
    active: () => this.enabled && (this.state.terms.size > 0 || this.state.intentPriors.size > 0),
    rescore: (query, candidates, context = {}) =>
      scoresWithPriors(this.state, { ...context, query }, candidates),
  };

  /** What the assist engine takes from learning. */
  readonly assist: AssistLearning = {
    intentExamples: () => {
      if (!this.enabled || this.state.examples.size === 0) return undefined;
      if (this.examples?.revision !== this.state.examplesRevision) {
        this.examples = {
          revision: this.state.examplesRevision,
          map: learnedExamples(this.state),
        };
      }
      return this.examples.map;
    },
    adjust: (suggestions) =>
      this.enabled ? adjustSuggestions(this.state, suggestions) : suggestions,
  };

  /** What Settings → Learning shows. */
  summary(): LearningSummary {
    const s = this.state;
    const settings = this.options.settings();
    const cells = new Set<number>();
    for (const rows of [s.terms, s.intentPriors])
      for (const row of rows.values()) for (const a of row.cells.keys()) cells.add(a);
    const replies = [...s.replies.values()];
    return {
      enabled: settings.enabled,
      allowExport: settings.allowExport,
      events: s.events,
      conversations: s.conversations,
      counts: {
        intentExamples: [...s.examples.values()].reduce((n, list) => n + list.length, 0),
        articles: cells.size,
        questions: s.answers.length,
        replies: replies.filter((r) => r.shown > 0 || r.sent > 0).length,
        rewrites: replies.filter((r) => commonRewrite(r) !== null).length,
        flags: [...s.flags.values()].filter((f) => flagWeight(f) < 1).length,
      },
      bytes: this.bytes,
      updatedAt: s.events > 0 || s.conversations > 0 ? s.updatedAt : null,
    };
  }

  /** "Forget what this device learned": the state and its file go; packs are untouched. */
  async forget(): Promise<LearningSummary> {
    this.cancelTimer();
    this.dirty = false;
    await this.saving;
    this.state = emptyLearnedState();
    this.examples = null;
    await removeLearned(this.options.dataDir);
    this.bytes = 0;
    const summary = this.summary();
    this.options.bus?.emit('learning:changed', summary);
    return summary;
  }

  /**
   * The team bundle (counts, k-gated texts); refused unless Settings allow export, and, when
   * `out` is given, unless it lies in the folder managed policy allows (`learning.exportFolder`).
   */
  exportBundle(since: string | null, out?: string): BundleLine[] {
    const settings = this.options.settings();
    if (!settings.allowExport) {
      throw new AppError(
        'unavailable',
        'Exporting what this device learned is off. Turn on Settings → Learning → "Share with the team lead" (learning.allowExport) first.',
      );
    }
    const refusal = out === undefined ? null : learningExportRefusal(settings, out);
    if (refusal) throw new AppError('unauthorized', refusal);
    return exportBundle(this.state, {
      k: settings.k,
      since,
      device: this.device,
      now: this.now(),
    });
  }

  /** Writes pending changes now. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.dirty) {
      this.dirty = false;
      this.saving = this.saving.then(() => this.write());
    }
    await this.saving;
  }

  async close(): Promise<void> {
    await this.flush();
  }

  private async write(): Promise<void> {
    try {
      this.bytes = await saveLearned(this.options.dataDir, this.state, this.device);
      this.options.bus?.emit('learning:changed', this.summary());
    } catch (error) {
      this.options.logger?.error('could not save the learned state', error);
    }
  }

  private scheduleSave(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.saveDelayMs ?? 2000);
    this.timer.unref?.();
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
