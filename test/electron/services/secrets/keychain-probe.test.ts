import { describe, expect, it } from 'vitest';
import {
  inProcessProbe,
  parseProbeAnswer,
  settleWithin,
} from '../../../../electron/services/secrets/keychain-probe';
import type { Keytar } from '../../../../electron/services/secrets/keytar-loader';

/** A keytar whose findCredentials answers only when the test says so. */
function controlledKeytar() {
  const pending: Array<{ resolve: (v: []) => void; reject: (e: Error) => void }> = [];
  const keytar = {
    findCredentials: () =>
      new Promise<[]>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  } as unknown as Keytar;
  return { keytar, pending };
}

describe('parseProbeAnswer', () => {
  it('reads the child answer', () => {
    expect(parseProbeAnswer('{"available":true}')).toEqual({ available: true });
    expect(parseProbeAnswer('{"available":false,"reason":"Could not connect"}')).toEqual({
      available: false,
      reason: 'Could not connect',
    });
  });

  it('turns no answer or garbage into unavailable with what went wrong', () => {
    expect(parseProbeAnswer('', 'Segmentation fault')).toEqual({
      available: false,
      reason: 'the keychain probe failed: Segmentation fault',
    });
    expect(parseProbeAnswer('{"available":"yes"}')).toEqual({
      available: false,
      reason: 'the keychain probe failed: no answer',
    });
  });
});

describe('settleWithin', () => {
  it('reports a value, an error, or a timeout', async () => {
    expect(await settleWithin(Promise.resolve(1), 100)).toEqual({ kind: 'value', value: 1 });
    const error = new Error('no');
    expect(await settleWithin(Promise.reject(error), 100)).toEqual({ kind: 'error', error });
    expect(await settleWithin(new Promise(() => {}), 20)).toEqual({ kind: 'timeout' });
  });
});

describe('inProcessProbe', () => {
  it('is available when the keychain answers and unavailable with its error otherwise', async () => {
    const { keytar, pending } = controlledKeytar();
    const probe = inProcessProbe(keytar, 1000);
    const first = probe('svc');
    pending[0]!.resolve([]);
    expect(await first).toEqual({ available: true });
    const second = probe('svc');
    pending[1]!.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY\nmore detail'));
    expect(await second).toEqual({
      available: false,
      reason: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
    });
  });

  it('gives up at the deadline and starts no second native call while one hangs', async () => {
    const { keytar, pending } = controlledKeytar();
    const probe = inProcessProbe(keytar, 30);
    expect(await probe('svc')).toMatchObject({ available: false, reason: /within 30 ms/ });
    expect(await probe('svc')).toMatchObject({ available: false });
    expect(pending).toHaveLength(1);

    pending[0]!.resolve([]); // the hung call finally returns: probing may start again
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = probe('svc');
    pending[1]!.resolve([]);
    expect(await again).toEqual({ available: true });
  });
});
