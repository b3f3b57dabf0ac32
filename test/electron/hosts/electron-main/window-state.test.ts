import { describe, expect, it } from 'vitest';
import {
  clampToWorkArea,
  dockBounds,
  emptyWindowState,
  rememberBounds,
  restoreBounds,
  type WindowState,
} from '../../../../electron/hosts/electron-main/window-state';
import { display, laptop, monitor } from '../../../electron-mock';

const defaultSize = { width: 400, height: 640 };
const minSize = { width: 320, height: 240 };
const restore = (state: WindowState, displays = [laptop, monitor]) =>
  restoreBounds({ state, displays, primary: displays[0] ?? laptop, defaultSize, minSize });

describe('restoreBounds', () => {
  it('puts the window back where it was on the monitor', () => {
    const onMonitor = { x: 3000, y: 200, width: 420, height: 700 };
    const state = rememberBounds(emptyWindowState, monitor, onMonitor);
    expect(restore(state)).toEqual(onMonitor);
  });

  it('centres on the primary display when the monitor it was on is unplugged', () => {
    const state = rememberBounds(emptyWindowState, monitor, {
      x: 3000,
      y: 200,
      width: 420,
      height: 700,
    });
    const bounds = restore(state, [laptop]);
    expect(bounds).toEqual({ x: 520, y: 110, width: 400, height: 640 });
  });

  it('does not reuse the position when the same display changed resolution', () => {
    const state = rememberBounds(emptyWindowState, monitor, {
      x: 3000,
      y: 200,
      width: 420,
      height: 700,
    });
    const scaled = display(2, { x: 1440, y: 0, width: 1920, height: 1080 });
    const bounds = restore(state, [laptop, scaled]);
    expect(bounds.x).toBeLessThan(1440); // back on the primary (laptop)
  });

  it('remembers a position per display and uses the one of a display still present', () => {
    let state = rememberBounds(emptyWindowState, laptop, { x: 40, y: 40, width: 400, height: 600 });
    state = rememberBounds(state, monitor, { x: 3000, y: 200, width: 420, height: 700 });
    // Monitor gone: the laptop position comes back, not a centred default.
    expect(restore(state, [laptop])).toEqual({ x: 40, y: 40, width: 400, height: 600 });
  });

  it('pulls a window that hangs off the edge fully back onto its display', () => {
    const state = rememberBounds(emptyWindowState, laptop, {
      x: 1300,
      y: 700,
      width: 400,
      height: 600,
    });
    expect(restore(state, [laptop])).toEqual({ x: 1040, y: 260, width: 400, height: 600 });
  });

  it('centres on the primary when the saved rectangle is no longer visible', () => {
    const state = rememberBounds(emptyWindowState, laptop, {
      x: -5000,
      y: -5000,
      width: 400,
      height: 600,
    });
    expect(restore(state, [laptop])).toEqual({ x: 520, y: 110, width: 400, height: 640 });
  });

  it('centres on the primary on first start', () => {
    expect(restore(emptyWindowState)).toEqual({ x: 520, y: 110, width: 400, height: 640 });
  });
});

describe('clampToWorkArea', () => {
  it('keeps the minimum size and shrinks a window larger than the work area', () => {
    const work = laptop.workArea;
    expect(clampToWorkArea({ x: 0, y: 0, width: 100, height: 100 }, work, minSize)).toMatchObject({
      width: 320,
      height: 240,
    });
    expect(clampToWorkArea({ x: 0, y: 0, width: 5000, height: 5000 }, work, minSize)).toEqual(work);
  });
});

describe('dockBounds', () => {
  const work = { x: 1440, y: 25, width: 2560, height: 1375 };

  it('fills the work-area height at the right edge', () => {
    expect(dockBounds(work, 'right', 400, 320)).toEqual({
      x: 3600,
      y: 25,
      width: 400,
      height: 1375,
    });
  });

  it('fills the work-area height at the left edge', () => {
    expect(dockBounds(work, 'left', 400, 320)).toEqual({
      x: 1440,
      y: 25,
      width: 400,
      height: 1375,
    });
  });

  it('keeps the panel between the minimum width and half the screen', () => {
    expect(dockBounds(work, 'right', 100, 320).width).toBe(320);
    expect(dockBounds(work, 'right', 2400, 320).width).toBe(1280);
  });
});
