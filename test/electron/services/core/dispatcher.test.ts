import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/schemas/settings';
import { AppError } from '../../../../shared/result';
import { createDispatcher, type Handlers } from '../../../../electron/services/core/dispatcher';

/** A handler table where only the channels under test do anything. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unexpected = () => {
    throw new Error('not under test');
  };
  return new Proxy(overrides, {
    get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? unexpected,
  }) as Handlers;
}

describe('dispatcher', () => {
  it('returns the handler value for a valid request', async () => {
    const dispatch = createDispatcher(handlersWith({ 'settings:get': () => defaultSettings }));
    expect(await dispatch('settings:get', undefined)).toEqual({ ok: true, value: defaultSettings });
  });

  it('refuses an unknown channel with unknown_channel', async () => {
    const result = await dispatch0()('settings:delete-everything', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a malformed payload with invalid_request naming the field', async () => {
    let called = false;
    const dispatch = createDispatcher(
      handlersWith({
        'overlay:set-click-through': () => {
          called = true;
          throw new Error('unreachable');
        },
      }),
    );
    const result = await dispatch('overlay:set-click-through', { enabled: 'yes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/enabled/);
    expect(called).toBe(false);
  });

  it('refuses extra fields on strict payloads', async () => {
    const result = await dispatch0()('capture:set-paused', { paused: true, sneaky: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('passes an AppError code through and hides internals of other errors', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'settings:get': () => {
          throw new AppError('not_found', 'no such thing');
        },
        'settings:reset': () => {
          throw new TypeError('boom');
        },
      }),
      { error() {} },
    );
    expect(await dispatch('settings:get', undefined)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no such thing' },
    });
    expect(await dispatch('settings:reset', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'settings:reset failed: boom' },
    });
  });
});

const dispatch0 = () => createDispatcher(handlersWith({}));
