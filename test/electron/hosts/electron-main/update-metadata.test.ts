/**
 * Real update metadata: `latest.yml` / `beta.yml` as electron-builder writes them beside the
 * installers (test/fixtures/updates), served by a real HTTP server on 127.0.0.1 and read by
 * electron-updater's own generic provider, configured exactly as the update shell configures
 * it (URL and channel from policy). No Electron is needed for this part of electron-updater.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticFeedServer } from '../../services/packs/feed/feed-fixtures';

const fixtures = resolve(import.meta.dirname, '../../../fixtures/updates');
const require = createRequire(import.meta.url);
// electron-updater's generic provider and electron-builder's Node HTTP executor.
const { GenericProvider } = require('electron-updater/out/providers/GenericProvider') as {
  GenericProvider: new (
    configuration: { provider: 'generic'; url: string; channel?: string },
    updater: { channel: string | null; isAddNoCacheQuery: boolean },
    runtime: { executor: unknown; isUseMultipleRangeRequest: boolean; platform: NodeJS.Platform },
  ) => {
    getLatestVersion(): Promise<{
      version: string;
      files: { url: string; sha512: string; size: number }[];
      releaseDate: string;
    }>;
    resolveFiles(info: unknown): { url: URL; info: { sha512: string; size: number } }[];
  };
};
const { NodeHttpExecutor } = require('builder-util/out/nodeHttpExecutor') as {
  NodeHttpExecutor: new () => unknown;
};

let server: StaticFeedServer;
beforeAll(async () => {
  // The fixtures folder stands for the update server's folder.
  server = new StaticFeedServer(fixtures);
  await server.start();
});
afterAll(() => server.stop());

function provider(channel: string | null, platform: NodeJS.Platform = 'win32') {
  return new GenericProvider(
    { provider: 'generic', url: server.url, ...(channel ? { channel } : {}) },
    { channel, isAddNoCacheQuery: false },
    { executor: new NodeHttpExecutor(), isUseMultipleRangeRequest: false, platform },
  );
}

describe('update metadata read by electron-updater', () => {
  it('reads latest.yml: the version, the installer, its size and SHA-512', async () => {
    const updates = provider('latest');
    const info = await updates.getLatestVersion();
    expect(server.statuses('/latest.yml')).toEqual([200]);
    expect(info.version).toBe('1.2.0');
    const [file] = updates.resolveFiles(info);
    expect(file!.url.href).toBe(`${server.url}Inloop-Setup-1.2.0.exe`);
    const installer = await readFile(join(fixtures, 'Inloop-Setup-1.2.0.exe'));
    expect(file!.info.size).toBe(installer.length);
    expect(file!.info.sha512).toBe(createHash('sha512').update(installer).digest('base64'));
  });

  it('the beta channel reads beta.yml', async () => {
    const info = await provider('beta').getLatestVersion();
    expect(server.statuses('/beta.yml')).toEqual([200]);
    expect(info.version).toBe('1.3.0-beta.1');
  });

  it('macOS and Linux ask for their own files, and a missing one is a clear error', async () => {
    await expect(provider('latest', 'darwin').getLatestVersion()).rejects.toThrow(
      /Cannot find channel "latest-mac\.yml"/,
    );
    await expect(provider('latest', 'linux').getLatestVersion()).rejects.toThrow(
      /Cannot find channel "latest-linux\.yml"/,
    );
  });
});
