/**
 * The tray icon: its picture and tooltip follow the capture state, its menu shows and hides
 * the overlay, pauses listening, toggles click-through and quits. A thin shell over the
 * pure `trayMenuTemplate` and `trayIconPng`.
 */
import type {
  MenuItemTemplate,
  MenuLike,
  NativeImageHandle,
  NativeImageLike,
  TrayConstructor,
  TrayLike,
} from './electron-deps';
import { trayIconPng } from './tray-icon';
import {
  trayMenuTemplate,
  trayTooltip,
  type CaptureStatus,
  type TrayAction,
  type TrayMenuItem,
  type TrayState,
} from './tray-menu';

export interface TrayDeps {
  Tray: TrayConstructor;
  Menu: MenuLike;
  nativeImage: NativeImageLike;
}

export type TrayActions = Readonly<Record<TrayAction, () => void>>;

export interface InloopTray {
  /** Redraw icon, tooltip and menu for the new state. */
  update(state: TrayState): void;
  destroy(): void;
}

/** The Electron menu items for the pure template, with clicks bound to `actions`. */
export function toMenuItems(
  items: readonly TrayMenuItem[],
  actions: TrayActions,
): MenuItemTemplate[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    const click = () => actions[item.action]();
    return item.type === 'checkbox'
      ? { type: 'checkbox', label: item.label, checked: item.checked, click }
      : { type: 'normal', label: item.label, click };
  });
}

/** Create the tray in `initial` state. */
export function createTray(deps: TrayDeps, initial: TrayState, actions: TrayActions): InloopTray {
  const icons = new Map<CaptureStatus, NativeImageHandle>();
  const icon = (capture: CaptureStatus) => {
    let image = icons.get(capture);
    if (!image) {
      image = deps.nativeImage.createFromBuffer(trayIconPng(capture), { scaleFactor: 2 });
      icons.set(capture, image);
    }
    return image;
  };
  const tray: TrayLike = new deps.Tray(icon(initial.capture));
  // Windows and macOS: a left click shows or hides the overlay; Linux shows the menu.
  tray.on('click', () => actions['toggle-overlay']());
  let current: TrayState | null = null;
  const update = (state: TrayState) => {
    if (current && JSON.stringify(current) === JSON.stringify(state)) return;
    if (!current || current.capture !== state.capture) tray.setImage(icon(state.capture));
    current = state;
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(deps.Menu.buildFromTemplate(toMenuItems(trayMenuTemplate(state), actions)));
  };
  update(initial);
  return { update, destroy: () => tray.destroy() };
}
