import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../../../electron/services/core/event-bus';
import { forwardEvents } from '../../../../../electron/hosts/electron-main/ipc/forward-events';
import { eventChannels } from '../../../../../shared/contract';
import { FakeWebContents } from '../../../../electron-mock';

describe('forwardEvents', () => {
  it('sends each event to every window on the channel named after the event', () => {
    const bus = new EventBus();
    const a = new FakeWebContents();
    const b = new FakeWebContents();
    forwardEvents(bus, () => [a, b]);

    bus.emit('capture:state', { state: 'paused' });
    bus.emit('app:notice', { id: 'n', level: 'info', message: 'hello' });

    for (const contents of [a, b]) {
      expect(contents.sent).toEqual([
        { channel: 'capture:state', args: [{ state: 'paused' }] },
        { channel: 'app:notice', args: [{ id: 'n', level: 'info', message: 'hello' }] },
      ]);
    }
  });

  it('uses the contract event names as IPC channels', () => {
    const bus = new EventBus();
    const contents = new FakeWebContents();
    forwardEvents(bus, () => [contents]);
    bus.emit('overlay:state', {
      visible: true,
      mode: 'overlay',
      clickThrough: false,
      hotkeyProblems: [],
    });
    expect(eventChannels).toContain(contents.sent[0]?.channel);
  });

  it('skips windows that were destroyed and reaches windows opened later', () => {
    const bus = new EventBus();
    const gone = new FakeWebContents();
    gone.destroyed = true;
    const windows = [gone];
    forwardEvents(bus, () => windows);
    const later = new FakeWebContents();
    windows.push(later);

    bus.emit('capture:state', { state: 'idle' });

    expect(gone.sent).toEqual([]);
    expect(later.sent).toHaveLength(1);
  });

  it('stops forwarding once unsubscribed', () => {
    const bus = new EventBus();
    const contents = new FakeWebContents();
    const stop = forwardEvents(bus, () => [contents]);
    stop();
    bus.emit('capture:state', { state: 'idle' });
    expect(contents.sent).toEqual([]);
  });
});
