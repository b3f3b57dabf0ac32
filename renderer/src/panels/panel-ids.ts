/**
 * The five panels of the shell, in reading order: the conversation, then what the agent
 * decides (replies, next actions), then what they look up (knowledge) and the summary. Their
 * order drives the Alt+1..Alt+5 shortcuts, the F6 cycle and the panel strip, so all three
 * always agree.
 */
export const panelIds = ['conversation', 'replies', 'actions', 'knowledge', 'summary'] as const;
export type PanelId = (typeof panelIds)[number];

/** Focus stops for F6 / Shift+F6: the header, each panel, then the notices. */
export const regionIds = ['header', ...panelIds, 'notices'] as const;
export type RegionId = (typeof regionIds)[number];

export const panelTitles: Record<PanelId, string> = {
  conversation: 'Conversation',
  knowledge: 'Knowledge',
  replies: 'Replies',
  actions: 'Next actions',
  summary: 'Summary',
};

export const isPanelId = (value: unknown): value is PanelId =>
  typeof value === 'string' && (panelIds as readonly string[]).includes(value);

export const isRegionId = (value: unknown): value is RegionId =>
  typeof value === 'string' && (regionIds as readonly string[]).includes(value);
