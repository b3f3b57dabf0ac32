import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../../electron/services/core/dispatcher';
import { registerIpcHandlers } from '../../../../../electron/hosts/electron-main/ipc/register-ipc-handlers';
import { createSenderCheck } from '../../../../../electron/hosts/electron-main/ipc/trusted-sender';
import { requestChannels, type RequestChannel } from '../../../../../shared/contract';
import { FakeIpcMain, FakeWebContents, senderEvent } from '../../../../electron-mock';
import { channelFixtures, fixtureHandlers } from './channel-fixtures';

const RENDERER = 'app://inloop';
const PAGE = `${RENDERER}/index.html`;

function setup() {
  const ipcMain = new FakeIpcMain();
  const received: { channel: RequestChannel; request: unknown }[] = [];
  const overlay = new FakeWebContents();
  const stranger = new FakeWebContents();
  const warnings: string[] = [];
  const dispose = registerIpcHandlers(
    ipcMain,
    createDispatcher(fixtureHandlers(received)),
    createSenderCheck({
      allowedOrigins: [RENDERER],
      isOwnWebContents: (sender) => sender.id === overlay.id,
    }),
    { warn: (message) => warnings.push(message) },
  );
  return { ipcMain, received, overlay, stranger, warnings, dispose };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per request channel, named after the channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...requestChannels].sort());
  });

  it('removes every handler when disposed', () => {
    const { ipcMain, dispose } = setup();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  describe.each(requestChannels)('%s', (channel) => {
    const fixture = channelFixtures[channel];

    it('answers the overlay page with the service value', async () => {
      const { ipcMain, overlay, received } = setup();
      const result = await ipcMain.invoke(channel, senderEvent(overlay, PAGE), fixture.request);
      expect(result).toEqual({ ok: true, value: fixture.response });
      expect(received).toEqual([{ channel, request: fixture.request }]);
    });

    it('refuses another webContents with unauthorized, without running the service', async () => {
      const { ipcMain, stranger, received, warnings } = setup();
      const result = await ipcMain.invoke(channel, senderEvent(stranger, PAGE), fixture.request);
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(received).toEqual([]);
      expect(warnings).toEqual([`refused ${channel} from an untrusted sender`]);
    });

    it('answers a malformed payload with invalid_request, without running the service', async () => {
      const { ipcMain, overlay, received } = setup();
      const result = await ipcMain.invoke(channel, senderEvent(overlay, PAGE), fixture.malformed);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(received).toEqual([]);
    });
  });

  describe('sender checks on our own window', () => {
    const request = channelFixtures['settings:get'].request;

    it('refuses an iframe inside the overlay page', async () => {
      const { ipcMain, overlay } = setup();
      const framed = senderEvent(overlay, PAGE, { url: PAGE });
      const result = await ipcMain.invoke('settings:get', framed, request);
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    });

    it('refuses the window once it shows a page from another origin', async () => {
      const { ipcMain, overlay } = setup();
      const result = await ipcMain.invoke(
        'settings:get',
        senderEvent(overlay, 'https://evil.example/phish.html'),
        request,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    });

    it('refuses a call whose frame is already gone (senderFrame null)', async () => {
      const { ipcMain, overlay } = setup();
      const result = await ipcMain.invoke(
        'settings:get',
        { sender: overlay, senderFrame: null },
        request,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    });
  });
});
