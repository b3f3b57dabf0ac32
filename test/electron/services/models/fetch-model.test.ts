import { afterEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import {
  fetchModel,
  hubEndpoint,
  type FetchProgress,
} from '../../../../electron/services/models/fetch-model';
import { readModelLock } from '../../../../electron/services/models/model-lock';
import { listModels } from '../../../../electron/services/models/list-models';
import { closedPort, startFakeHub, type FakeHub } from './fake-hub';
import {
  cleanup,
  emptyManifest,
  hasTinyModel,
  manifestWithTiny,
  sharedModelsDir,
  tempDir,
  tinyPins,
  TINY_MODEL,
  TINY_Q8_FILES,
} from './model-fixtures';

let hub: FakeHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
  await cleanup();
});

describe.skipIf(!hasTinyModel())(
  'fetching a model from a hub (a local stand-in for huggingface.co)',
  () => {
    it('downloads the manifest files with progress, verifies them and installs them with a lock', async () => {
      hub = await startFakeHub({
        root: sharedModelsDir,
        commit: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
      });
      const modelsDir = await tempDir();
      const seen: FetchProgress[] = [];
      const installed = await fetchModel({
        id: TINY_MODEL,
        modelsDir,
        manifest: manifestWithTiny(false),
        endpoint: hub.url,
        onProgress: (p) => seen.push(p),
      });
      expect(hub.requests.filter((r) => r.includes('/resolve/main/'))).toHaveLength(
        TINY_Q8_FILES.length,
      );
      // The .onnx file was verified against the hub's declared sha256 (the manifest pins nothing).
      expect(installed.verifiedFiles).toBe(1);
      const onnx = seen.filter((p) => p.file === 'onnx/model_quantized.onnx');
      expect(onnx.at(-1)).toMatchObject({
        bytes: tinyPins()['onnx/model_quantized.onnx']!.bytes,
        count: 4,
      });
      const lock = await readModelLock(installed.folder);
      expect(lock).toMatchObject({
        source: 'fetch',
        from: hub.url,
        revision: 'main',
        commit: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
      });
      for (const path of TINY_Q8_FILES)
        expect(lock!.files[path]?.sha256).toBe(tinyPins()[path]!.sha256);
      const [status] = await listModels(modelsDir, manifestWithTiny(false));
      expect(status).toMatchObject({ present: true, missingFiles: [], integrity: 'verified' });
    });

    it('asks for the revision given', async () => {
      hub = await startFakeHub({ root: sharedModelsDir });
      await expect(
        fetchModel({
          id: TINY_MODEL,
          revision: 'v2',
          modelsDir: await tempDir(),
          manifest: manifestWithTiny(false),
          endpoint: hub.url,
        }),
      ).resolves.toMatchObject({ id: TINY_MODEL });
      expect(hub.requests[0]).toBe(`/${TINY_MODEL}/resolve/v2/config.json`);
    });

    it('refuses a file that differs from the manifest pin, and installs nothing', async () => {
      hub = await startFakeHub({
        root: sharedModelsDir,
        mutate: (file, bytes) =>
          file === 'tokenizer_config.json'
            ? Buffer.from(bytes.toString().replace('true', 'false'))
            : bytes,
      });
      const modelsDir = await tempDir();
      await expect(
        fetchModel({
          id: TINY_MODEL,
          modelsDir,
          manifest: manifestWithTiny(true),
          endpoint: hub.url,
        }),
      ).rejects.toMatchObject({
        code: 'invalid_request',
        message: expect.stringMatching(
          /tokenizer_config\.json .*the manifest .*nothing was installed/,
        ),
      });
      expect(await readdir(modelsDir)).toEqual([]);
    });

    it('refuses an LFS file whose bytes differ from the sha256 the hub declares', async () => {
      hub = await startFakeHub({
        root: sharedModelsDir,
        mutate: (file, bytes) =>
          file.endsWith('.onnx') ? Buffer.concat([bytes, Buffer.from([0])]).subarray(1) : bytes,
      });
      const modelsDir = await tempDir();
      await expect(
        fetchModel({
          id: TINY_MODEL,
          modelsDir,
          manifest: manifestWithTiny(false),
          endpoint: hub.url,
        }),
      ).rejects.toMatchObject({ message: expect.stringContaining('the hub (X-Linked-Etag)') });
      expect(await readdir(modelsDir)).toEqual([]);
    });

    it('says the hub has no such file for a 404', async () => {
      hub = await startFakeHub({ root: await tempDir() });
      await expect(
        fetchModel({
          id: TINY_MODEL,
          modelsDir: await tempDir(),
          manifest: manifestWithTiny(false),
          endpoint: hub.url,
        }),
      ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('HTTP 404') });
    });

    it('gives up on a hub that never answers, with timeout', async () => {
      hub = await startFakeHub({ root: sharedModelsDir, behaviour: 'silent' });
      const modelsDir = await tempDir();
      await expect(
        fetchModel({
          id: TINY_MODEL,
          modelsDir,
          manifest: manifestWithTiny(false),
          endpoint: hub.url,
          timeoutMs: 300,
        }),
      ).rejects.toMatchObject({
        code: 'timeout',
        message: expect.stringContaining('inloop models import <dir>'),
      });
      expect(await readdir(modelsDir)).toEqual([]);
    });

    it('gives up on a download that stalls half-way', async () => {
      hub = await startFakeHub({ root: sharedModelsDir, behaviour: 'stall' });
      const modelsDir = await tempDir();
      await expect(
        fetchModel({
          id: TINY_MODEL,
          modelsDir,
          manifest: manifestWithTiny(false),
          endpoint: hub.url,
          timeoutMs: 300,
        }),
      ).rejects.toMatchObject({ code: 'timeout' });
      expect(await readdir(modelsDir)).toEqual([]);
    });
  },
);

describe('fetching when the hub cannot be reached', () => {
  it('fails at once with the offline fix when the host refuses the connection', async () => {
    const modelsDir = await tempDir();
    await expect(
      fetchModel({
        id: TINY_MODEL,
        modelsDir,
        manifest: manifestWithTiny(false),
        endpoint: `http://127.0.0.1:${await closedPort()}`,
      }),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(
        /cannot reach http:\/\/127\.0\.0\.1:\d+: the connection was refused.*inloop models import <dir>/,
      ),
    });
    expect(await readdir(modelsDir)).toEqual([]);
  }, 10_000);

  it('says a model the manifest does not list cannot be fetched, and how to import it', async () => {
    await expect(
      fetchModel({ id: 'acme/unknown', modelsDir: await tempDir(), manifest: emptyManifest }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('inloop models import <dir> --id acme/unknown'),
    });
  });

  it('takes the hub from --endpoint, else HF_ENDPOINT, else huggingface.co', () => {
    expect(hubEndpoint(undefined, {})).toBe('https://huggingface.co');
    expect(hubEndpoint(undefined, { HF_ENDPOINT: 'https://mirror.example/' })).toBe(
      'https://mirror.example',
    );
    expect(hubEndpoint('http://10.0.0.5:8080', { HF_ENDPOINT: 'https://mirror.example' })).toBe(
      'http://10.0.0.5:8080',
    );
    expect(() => hubEndpoint('file:///etc', {})).toThrow(/must be http\(s\)/);
  });
});
