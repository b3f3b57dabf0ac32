/**
 * Knowledge: the index's status, the agent's own search (debounced as they type, late
 * answers to older text dropped), the cards that follow the conversation, and the installed
 * packs with install, remove and rollback. The search text itself is `knowledgeQuery` (ui-slice).
 */
import type { InloopApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { RetrievalMode, SearchHit } from '../../../shared/schemas/knowledge';
import type { InstalledPack } from '../../../shared/schemas/packs';
import type { z } from 'zod';
import type { KnowledgeStatusSchema } from '../../../shared/schemas/knowledge';
import type { PackInstallRequestSchema } from '../../../shared/schemas/packs';
import type { SliceCreator } from './store';

export type KnowledgeStatus = z.infer<typeof KnowledgeStatusSchema>;
export type PackInstallRequest = z.infer<typeof PackInstallRequestSchema>;

/** What the search box shows: nothing asked, waiting, or the answer to `query`. */
export type KnowledgeSearch =
  | { state: 'idle' }
  | { state: 'searching'; query: string; last: KnowledgeAnswer | null }
  | KnowledgeAnswer
  | { state: 'failed'; query: string; message: string };

/** A search's answer; while the next one runs it stays on screen as `last`. */
export interface KnowledgeAnswer {
  state: 'done';
  query: string;
  hits: SearchHit[];
  mode: RetrievalMode;
  ms: number;
}

/** A pack action in flight: installing a file, or removing / rolling back a pack. */
export type PackBusy =
  | { action: 'install'; fileName: string }
  | { action: 'install-demo' }
  | { action: 'remove' | 'rollback'; id: string };

export interface KnowledgeSlice {
  /** Null until the service answers; see `knowledgeUnavailable` when it cannot. */
  knowledgeStatus: KnowledgeStatus | null;
  /** Why the knowledge service did not answer (not running yet, failed); null when it did. */
  knowledgeUnavailable: string | null;
  knowledgeSearch: KnowledgeSearch;
  packs: InstalledPack[];
  packBusy: PackBusy | null;
  setKnowledgeStatus(status: KnowledgeStatus): void;
  /** `knowledge:changed`: keep the new status, reload the packs, ask the search again. */
  knowledgeChanged(status: KnowledgeStatus): void;
  /** The agent typed: keep the text at once, search once typing pauses. */
  typeKnowledgeQuery(query: string): void;
  /** Load status and packs (start-up, reconnect, `knowledge:changed`); failures stay quiet. */
  loadKnowledge(): Promise<void>;
  /**
   * Install, remove, roll back. A failure is reported as a notice unless `quiet` (the pack
   * manager shows it beside the control); either way the result is returned.
   */
  installPack(
    request: PackInstallRequest,
    options?: { quiet?: boolean },
  ): Promise<Result<InstalledPack>>;
  /** Install the bundled example pack, marked as a demo (first run: "Try the example pack"). */
  installDemoPack(): Promise<Result<InstalledPack>>;
  removePack(id: string, options?: { quiet?: boolean }): Promise<Result<InstalledPack[]>>;
  rollbackPack(id: string, options?: { quiet?: boolean }): Promise<Result<InstalledPack>>;
}

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 180;
/** Cards the search box asks for. */
export const SEARCH_K = 8;

export const createKnowledgeSlice =
  (api: InloopApi): SliceCreator<KnowledgeSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Each search gets a number; an answer is kept only if no newer search started since.
    let latest = 0;

    const search = async (query: string) => {
      const ticket = ++latest;
      const shown = get().knowledgeSearch;
      const last = shown.state === 'done' ? shown : shown.state === 'searching' ? shown.last : null;
      set({ knowledgeSearch: { state: 'searching', query, last } });
      const result = await api.knowledge.search({ query, k: SEARCH_K });
      if (ticket !== latest) return;
      set({
        knowledgeSearch: result.ok
          ? { state: 'done', query, ...result.value }
          : { state: 'failed', query, message: result.error.message },
      });
    };

    const schedule = (query: string) => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (query === '') {
        latest++;
        set({ knowledgeSearch: { state: 'idle' } });
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        void search(query);
      }, SEARCH_DEBOUNCE_MS);
    };

    /** After the packs change, the shown answer may be stale: ask again. */
    const refreshSearch = () => {
      const query = get().knowledgeQuery.trim();
      if (query !== '' && timer === null) void search(query);
    };

    const packAction = async <T>(
      busy: PackBusy,
      noticeAction: string,
      request: () => Promise<Result<T>>,
      quiet: boolean | undefined,
    ): Promise<Result<T>> => {
      set({ packBusy: busy });
      try {
        const result = await request();
        if (result.ok) await get().loadKnowledge();
        else if (!quiet) get().reportError(noticeAction, result.error);
        return result;
      } finally {
        set({ packBusy: null });
      }
    };

    return {
      knowledgeStatus: null,
      knowledgeUnavailable: null,
      knowledgeSearch: { state: 'idle' },
      packs: [],
      packBusy: null,
      setKnowledgeStatus: (knowledgeStatus) => {
        set({ knowledgeStatus, knowledgeUnavailable: null });
      },
      knowledgeChanged: (status) => {
        get().setKnowledgeStatus(status);
        void api.packs.list().then((packs) => {
          if (packs.ok) set({ packs: packs.value });
        });
        refreshSearch();
      },
      typeKnowledgeQuery: (query) => {
        get().setKnowledgeQuery(query);
        schedule(query.trim());
      },
      async loadKnowledge() {
        const [status, packs] = await Promise.all([api.knowledge.status(), api.packs.list()]);
        if (status.ok) set({ knowledgeStatus: status.value, knowledgeUnavailable: null });
        else set({ knowledgeUnavailable: status.error.message });
        if (packs.ok) set({ packs: packs.value });
        if (status.ok) refreshSearch();
      },
      installPack: (request, options) =>
        packAction(
          { action: 'install', fileName: 'fileName' in request ? request.fileName : request.path },
          'install the pack',
          () => api.packs.install(request),
          options?.quiet,
        ),
      installDemoPack: () =>
        packAction(
          { action: 'install-demo' },
          'install the example pack',
          () => api.packs.installDemo(),
          false,
        ),
      removePack: (id, options) =>
        packAction(
          { action: 'remove', id },
          `remove the pack ${id}`,
          () => api.packs.remove({ id }),
          options?.quiet,
        ),
      rollbackPack: (id, options) =>
        packAction(
          { action: 'rollback', id },
          `roll back the pack ${id}`,
          () => api.packs.rollback({ id }),
          options?.quiet,
        ),
    };
  };
