import { afterEach, describe, expect, it } from 'vitest';
import { cp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEmbedder } from '../../../../electron/services/embeddings/create-embedder';
import { importModel, importModels } from '../../../../electron/services/models/import-model';
import { listModels } from '../../../../electron/services/models/list-models';
import { readModelLock } from '../../../../electron/services/models/model-lock';
import {
  cleanup,
  emptyManifest,
  hasTinyModel,
  manifestWithTiny,
  sharedModelsDir,
  tempDir,
  tinyModelDir,
  tinyPins,
  TINY_MODEL,
  TINY_Q8_FILES,
} from './model-fixtures';

afterEach(cleanup);

/** What is in a models folder apart from dot entries (staging leftovers would show as `.…`). */
async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe.skipIf(!hasTinyModel())(
  'importing a model folder (real files from ../shared/models)',
  () => {
    it('copies a folder the manifest does not know whole, finds its id, and writes the lock', async () => {
      const modelsDir = await tempDir();
      const installed = await importModel({
        srcDir: tinyModelDir,
        modelsDir,
        manifest: emptyManifest,
      });
      expect(installed.id).toBe(TINY_MODEL);
      expect(installed.folder).toBe(join(modelsDir, TINY_MODEL));
      const pins = tinyPins();
      expect(installed.files).toBe(Object.keys(pins).length);
      const lock = await readModelLock(installed.folder);
      expect(lock).toMatchObject({
        id: TINY_MODEL,
        source: 'import',
        from: tinyModelDir,
        revision: null,
      });
      // The lock records exactly the published bytes of every file.
      for (const [path, pin] of Object.entries(pins)) {
        expect(lock!.files[path]).toEqual({ sha256: pin.sha256, size: pin.bytes });
      }
      expect(await entries(modelsDir)).toEqual(['inloop-test']);
    });

    it('verifies a known model against the manifest pins and copies only its files', async () => {
      const modelsDir = await tempDir();
      const installed = await importModel({
        srcDir: tinyModelDir,
        modelsDir,
        manifest: manifestWithTiny(true),
      });
      expect(installed.verifiedFiles).toBe(TINY_Q8_FILES.length);
      const [status] = await listModels(modelsDir, manifestWithTiny(true));
      expect(status).toMatchObject({
        id: TINY_MODEL,
        present: true,
        integrity: 'verified',
        missingFiles: [],
      });
      expect((await readdir(join(installed.folder, 'onnx'))).sort()).toEqual([
        'model_quantized.onnx',
      ]);
    });

    it('refuses a tampered file, naming it, and installs nothing', async () => {
      const src = join(await tempDir('inloop-src-'), 'minilm');
      await cp(tinyModelDir, src, { recursive: true });
      const tokenizer = join(src, 'tokenizer.json');
      await writeFile(tokenizer, (await readFile(tokenizer, 'utf8')).replace('[UNK]', '[UNX]'));
      const modelsDir = await tempDir();
      await expect(
        importModel({ srcDir: src, modelsDir, manifest: manifestWithTiny(true), id: TINY_MODEL }),
      ).rejects.toMatchObject({
        code: 'invalid_request',
        message: expect.stringMatching(
          /tokenizer\.json has sha256 .* but the manifest pins .*nothing was installed/,
        ),
      });
      expect(await entries(modelsDir)).toEqual([]);
    });

    it('refuses a folder that lacks a file the model needs', async () => {
      const src = join(await tempDir('inloop-src-'), 'minilm');
      await cp(tinyModelDir, src, {
        recursive: true,
        filter: (p) => !p.endsWith('tokenizer.json'),
      });
      const modelsDir = await tempDir();
      await expect(
        importModel({ srcDir: src, modelsDir, manifest: manifestWithTiny(false), id: TINY_MODEL }),
      ).rejects.toMatchObject({ message: expect.stringContaining('lacks tokenizer.json') });
      expect(await entries(modelsDir)).toEqual([]);
    });

    it('replaces an installed model with the new copy', async () => {
      const modelsDir = await tempDir();
      await importModel({ srcDir: tinyModelDir, modelsDir, manifest: emptyManifest });
      const first = await readModelLock(join(modelsDir, TINY_MODEL));
      const again = await importModel({
        srcDir: tinyModelDir,
        modelsDir,
        manifest: emptyManifest,
        now: () => new Date('2030-01-01T00:00:00Z'),
      });
      const second = await readModelLock(again.folder);
      expect(second?.installedAt).toBe('2030-01-01T00:00:00.000Z');
      expect(second?.files).toEqual(first?.files);
      expect(await entries(modelsDir)).toEqual(['inloop-test']);
    });

    it('imports every model of a models folder, and the imported model embeds', async () => {
      const root = await tempDir('inloop-usb-');
      await cp(tinyModelDir, join(root, 'inloop-test', 'minilm-tiny-random'), { recursive: true });
      // A Hugging Face cache snapshot is made of symbolic links: they are followed.
      const linked = join(root, 'acme', 'linked-tiny');
      await cp(tinyModelDir, linked, { recursive: true, filter: (p) => !p.endsWith('.onnx') });
      await symlink(
        join(tinyModelDir, 'onnx', 'model_quantized.onnx'),
        join(linked, 'onnx', 'model_quantized.onnx'),
      );
      const modelsDir = await tempDir();
      const installed = await importModels({ srcDir: root, modelsDir, manifest: emptyManifest });
      expect(installed.map((m) => m.id)).toEqual(['acme/linked-tiny', TINY_MODEL]);
      const lock = await readModelLock(join(modelsDir, 'acme', 'linked-tiny'));
      expect(lock?.files['onnx/model_quantized.onnx']?.sha256).toBe(
        tinyPins()['onnx/model_quantized.onnx']!.sha256,
      );

      const { embedder, reason } = await createEmbedder({
        modelsDir,
        env: { INLOOP_EMBED_MODEL: TINY_MODEL },
      });
      expect(reason).toBeNull();
      try {
        const [vector] = await embedder!.embed(['where is my parcel']);
        expect(vector).toHaveLength(32);
      } finally {
        await embedder?.close();
      }
    }, 60_000);

    it('refuses --id for a folder that holds several models', async () => {
      await expect(
        importModels({
          srcDir: sharedModelsDir,
          modelsDir: await tempDir(),
          manifest: emptyManifest,
          id: TINY_MODEL,
        }),
      ).rejects.toMatchObject({ message: expect.stringContaining('--id names one model') });
    });
  },
);

describe('importing something that is not a model', () => {
  it('says a missing folder is not a folder', async () => {
    await expect(
      importModels({
        srcDir: '/no/such/folder',
        modelsDir: await tempDir(),
        manifest: emptyManifest,
      }),
    ).rejects.toMatchObject({ code: 'not_found', message: '/no/such/folder is not a folder' });
  });

  it('says an empty folder holds no model', async () => {
    await expect(
      importModels({
        srcDir: await tempDir(),
        modelsDir: await tempDir(),
        manifest: emptyManifest,
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('holds no model') });
  });
});
