/**
 * The speech slice over a fake API (capture itself needs a browser: the e2e test covers it):
 * the transcript from pushed segments, corrections, and a start the service refuses.
 */
import { describe, expect, it } from 'vitest';
import { createInloopStore } from '../../renderer/src/state/store';
import { fail, ok } from '../../shared/result';
import type { TranscriptSegment } from '../../shared/schemas/speech';
import { createFakeApi } from './fake-api';

const final: TranscriptSegment = {
  id: 's1-customer-1',
  speaker: 'customer',
  start: 1,
  end: 2.5,
  text: 'my parcel never came',
  final: true,
};

describe('speech slice', () => {
  it('keeps partials and finals by id, never a stale partial over a final', () => {
    const store = createInloopStore(createFakeApi().api);
    store.getState().applySegment({ ...final, text: 'my par', final: false });
    store.getState().applySegment(final);
    store.getState().applySegment({ ...final, text: 'late partial', final: false });
    expect(store.getState().transcript).toEqual([final]);
  });

  it('sends a correction and shows the corrected final', async () => {
    const fake = createFakeApi();
    fake.handle('speech:edit-segment', (payload) =>
      ok({ ...final, text: (payload as { text: string }).text, edited: true }),
    );
    const store = createInloopStore(fake.api);
    store.getState().applySegment(final);
    await store.getState().editSegment(final.id, 'my parcel never arrived');
    expect(fake.calls.at(-1)).toEqual({
      channel: 'speech:edit-segment',
      payload: { id: final.id, text: 'my parcel never arrived' },
    });
    expect(store.getState().transcript[0]).toMatchObject({
      text: 'my parcel never arrived',
      edited: true,
    });
  });

  it('reports a start the service refuses and stays off', async () => {
    const fake = createFakeApi();
    fake.handle('speech:start', () => fail('unavailable', 'The speech model is not installed'));
    const store = createInloopStore(fake.api);
    await store.getState().startCall();
    expect(store.getState().callStatus).toBe('off');
    expect(
      store
        .getState()
        .notices.map((n) => n.message)
        .join(' '),
    ).toMatch(/not installed/);
  });
});
