/** Each panel's icon, shared by its heading and the panel strip. */
import type { IconName } from '../components/icon';
import type { PanelId } from './panel-ids';

export const panelIcons: Record<PanelId, IconName> = {
  conversation: 'conversation',
  knowledge: 'knowledge',
  replies: 'replies',
  actions: 'actions',
  summary: 'summary',
};
