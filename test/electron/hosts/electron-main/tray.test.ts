import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTray } from '../../../../electron/hosts/electron-main/tray';
import {
  trayIconPixels,
  trayIconPng,
  TRAY_ICON_PIXELS,
} from '../../../../electron/hosts/electron-main/tray-icon';
import {
  trayMenuTemplate,
  trayTooltip,
  type TrayAction,
  type TrayState,
} from '../../../../electron/hosts/electron-main/tray-menu';
import { createElectronMock, type FakeImage, type FakeTray } from '../../../electron-mock';

const listening: TrayState = { overlayVisible: true, clickThrough: false, capture: 'listening' };
const labels = (state: TrayState) =>
  trayMenuTemplate(state).flatMap((item) => (item.type === 'separator' ? [] : [item.label]));

describe('tray menu', () => {
  it('offers to pause while listening and to resume while paused', () => {
    expect(labels(listening)).toEqual([
      'Hide Inloop',
      'Pause listening',
      'Click-through',
      'Quit Inloop',
    ]);
    expect(labels({ ...listening, capture: 'paused' })).toContain('Resume listening');
    expect(labels({ ...listening, capture: 'paused' })).not.toContain('Pause listening');
  });

  it('offers to show the overlay when it is hidden', () => {
    expect(labels({ ...listening, overlayVisible: false })[0]).toBe('Show Inloop');
  });

  it('ticks click-through when it is on', () => {
    const item = trayMenuTemplate({ ...listening, clickThrough: true }).find(
      (i) => i.type === 'checkbox',
    );
    expect(item).toMatchObject({ label: 'Click-through', checked: true });
  });

  it('says in the tooltip whether Inloop is listening', () => {
    expect(trayTooltip({ ...listening, capture: 'idle' })).toBe('Inloop: not listening');
    expect(trayTooltip(listening)).toBe('Inloop: listening');
    expect(trayTooltip({ ...listening, capture: 'paused' })).toBe('Inloop: paused');
  });
});

describe('tray icon', () => {
  const centre = (capture: TrayState['capture']) => {
    const px = trayIconPixels(capture);
    const at = ((TRAY_ICON_PIXELS / 2) * TRAY_ICON_PIXELS + TRAY_ICON_PIXELS / 2) * 4;
    return [...px.subarray(at, at + 4)];
  };

  it('differs per capture state: hollow when idle, green when listening, amber when paused', () => {
    expect(centre('idle')[3]).toBe(0);
    expect(centre('listening')).toEqual([46, 158, 91, 255]);
    const paused = trayIconPixels('paused');
    const barLeft = ((TRAY_ICON_PIXELS / 2) * TRAY_ICON_PIXELS + 11) * 4;
    expect([...paused.subarray(barLeft, barLeft + 3)]).toEqual([255, 255, 255]);
    expect(centre('paused')).toEqual([208, 138, 0, 255]);
  });

  it('is a valid PNG of the drawn pixels', () => {
    const png = trayIconPng('listening');
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(TRAY_ICON_PIXELS);
    const idatLength = png.readUInt32BE(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    const row = TRAY_ICON_PIXELS * 4 + 1;
    const mid = TRAY_ICON_PIXELS / 2;
    expect([...rows.subarray(mid * row + 1 + mid * 4, mid * row + 1 + mid * 4 + 4)]).toEqual([
      46, 158, 91, 255,
    ]);
  });
});

describe('the tray', () => {
  function setup(initial: TrayState = listening) {
    const mock = createElectronMock();
    const done: TrayAction[] = [];
    const actions = {
      'toggle-overlay': () => done.push('toggle-overlay'),
      'toggle-pause': () => done.push('toggle-pause'),
      'toggle-click-through': () => done.push('toggle-click-through'),
      'check-updates': () => done.push('check-updates'),
      quit: () => done.push('quit'),
    };
    const tray = createTray(mock, initial, actions);
    return { tray, done, fake: mock.trays[0] as FakeTray };
  }

  it('shows the state in its tooltip, icon and menu, and follows changes', () => {
    const { tray, fake } = setup();
    expect(fake.toolTip).toBe('Inloop: listening');
    expect(fake.labels()).toContain('Pause listening');
    const listeningIcon = fake.image;

    tray.update({ ...listening, capture: 'paused' });
    expect(fake.toolTip).toBe('Inloop: paused');
    expect(fake.labels()).toContain('Resume listening');
    expect(fake.image).not.toBe(listeningIcon);
    expect((fake.image as FakeImage).scaleFactor).toBe(2);
  });

  it('runs the action of the menu item the agent clicks', () => {
    const { fake, done } = setup();
    fake.clickItem('Pause listening');
    fake.clickItem('Click-through');
    fake.clickItem('Hide Inloop');
    fake.clickItem('Quit Inloop');
    expect(done).toEqual(['toggle-pause', 'toggle-click-through', 'toggle-overlay', 'quit']);
  });

  it('offers "Check for updates" only while updates are on', () => {
    const { tray, fake, done } = setup();
    expect(fake.labels()).not.toContain('Check for updates');
    tray.update({ ...listening, checkForUpdates: true });
    fake.clickItem('Check for updates');
    expect(done).toEqual(['check-updates']);
  });

  it('shows or hides the overlay on a click on the icon', () => {
    const { fake, done } = setup();
    fake.emit('click');
    expect(done).toEqual(['toggle-overlay']);
  });
});
