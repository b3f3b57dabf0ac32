import { describe, expect, it } from 'vitest';
import {
  decideDisplayMedia,
  type DisplayMediaSessionLike,
  installDisplayMediaHandler,
  supportsLoopbackAudio,
} from '../../../../electron/hosts/electron-main/display-media';

const origins = ['http://localhost:5173'];
const screen = { id: 'screen:0:0', name: 'Entire screen' };
const ours = { frame: { url: 'http://localhost:5173/index.html' }, audioRequested: true };
type Handler = Parameters<
  DisplayMediaSessionLike<typeof screen>['setDisplayMediaRequestHandler']
>[0];
const win = { platform: 'win32', osRelease: '10.0.22631', allowedOrigins: origins };

describe('display media (system audio of the call)', () => {
  it('knows where loopback audio exists', () => {
    expect(supportsLoopbackAudio('win32', '10.0.19045')).toBe(true);
    expect(supportsLoopbackAudio('darwin', '22.1.0')).toBe(true); // macOS 13
    expect(supportsLoopbackAudio('darwin', '21.6.0')).toBe(false); // macOS 12
    expect(supportsLoopbackAudio('linux', '6.1.0')).toBe(false);
  });

  it('answers our page with the screen and loopback audio', () => {
    expect(decideDisplayMedia(ours, [screen], win)).toEqual({ video: screen, audio: 'loopback' });
  });

  it('refuses other origins, Linux (monitor devices instead) and no screen', () => {
    expect(
      decideDisplayMedia({ frame: { url: 'https://evil.example/' } }, [screen], win),
    ).toBeNull();
    expect(decideDisplayMedia(ours, [screen], { ...win, platform: 'linux' })).toBeNull();
    expect(decideDisplayMedia(ours, [], win)).toBeNull();
    expect(decideDisplayMedia({ frame: null }, [screen], win)).toBeNull();
  });

  it('installs a handler that calls back with the decision, or an empty refusal', async () => {
    let handler: Handler = () => undefined;
    const session = { setDisplayMediaRequestHandler: (h: Handler) => void (handler = h) };
    installDisplayMediaHandler(session, { getSources: async () => [screen] }, win);
    const answer = await new Promise((resolve) => handler(ours, resolve));
    expect(answer).toEqual({ video: screen, audio: 'loopback' });
    const refused = await new Promise((resolve) =>
      handler({ frame: { url: 'https://x.example/' } }, resolve),
    );
    expect(refused).toEqual({});
  });
});
