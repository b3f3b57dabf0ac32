/**
 * Navigation and view state that only the renderer cares about: which sheet is open,
 * which panels are folded, the panel last used, and the knowledge search text.
 */
import type { PanelId } from '../panels/panel-ids';
import type { SliceCreator } from './store';

export interface UiSlice {
  settingsOpen: boolean;
  shortcutsOpen: boolean;
  collapsedPanels: PanelId[];
  /** The panel the agent last moved into; the panel strip highlights it. */
  activePanel: PanelId;
  knowledgeQuery: string;
  openSettings(): void;
  closeSettings(): void;
  setShortcutsOpen(open: boolean): void;
  togglePanel(id: PanelId): void;
  expandPanel(id: PanelId): void;
  setActivePanel(id: PanelId): void;
  setKnowledgeQuery(query: string): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  settingsOpen: false,
  shortcutsOpen: false,
  collapsedPanels: [],
  activePanel: 'conversation',
  knowledgeQuery: '',
  // One sheet at a time: opening one closes the other.
  openSettings: () => set({ settingsOpen: true, shortcutsOpen: false, teamOpen: false }),
  closeSettings: () => set({ settingsOpen: false }),
  setShortcutsOpen: (open) =>
    set((state) => ({ shortcutsOpen: open, settingsOpen: open ? false : state.settingsOpen })),
  togglePanel: (id) =>
    set((state) => ({
      collapsedPanels: state.collapsedPanels.includes(id)
        ? state.collapsedPanels.filter((panel) => panel !== id)
        : [...state.collapsedPanels, id],
    })),
  expandPanel: (id) =>
    set((state) =>
      state.collapsedPanels.includes(id)
        ? { collapsedPanels: state.collapsedPanels.filter((panel) => panel !== id) }
        : state,
    ),
  setActivePanel: (activePanel) => set({ activePanel }),
  setKnowledgeQuery: (knowledgeQuery) => set({ knowledgeQuery }),
});
