/**
 * `inloop models list|fetch|import`: the on-device model manager. `fetch` downloads a manifest
 * model from the Hugging Face hub (or `HF_ENDPOINT`); `import` installs a folder on an
 * air-gapped machine. Both verify, write the lock and install atomically.
 */
import { fetchModel, hubEndpoint, type FetchProgress } from '../fetch-model';
import { formatBytes, formatDownloadLine } from '../download-progress';
import { formatModelList } from '../format-model-list';
import { importModels, type InstalledModel } from '../import-model';
import { listModels } from '../list-models';
import { defaultManifestPath, readManifest } from '../model-manifest';
import { appRoot, modelsDirFor } from '../../core/cli/cli-context';
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  type CliIo,
  type Command,
} from '../../core/cli/command';
import { intOption, stringOption } from '../../core/cli/option-values';

const manifestFor = () => readManifest(defaultManifestPath(appRoot));

function installedLine(model: InstalledModel): string {
  const checked =
    model.verifiedFiles === model.files
      ? `all ${model.files} files verified`
      : `${model.verifiedFiles} of ${model.files} files verified against a pin, the rest recorded in the lock`;
  return `installed ${model.id} (${formatBytes(model.bytes)}, ${checked}) in ${model.folder}\n`;
}

/** Redraws one line on stderr when it is a terminal; silent otherwise. */
function downloadProgress(io: CliIo) {
  let last = 0;
  let drawn = false;
  return {
    update(progress: FetchProgress) {
      if (!io.isTty) return;
      const now = performance.now();
      if (now - last < 100 && progress.bytes !== progress.total) return;
      last = now;
      drawn = true;
      io.stderr(`\r\u001b[2K${formatDownloadLine(progress)}`);
    },
    end() {
      if (drawn) io.stderr('\r\u001b[2K');
    },
  };
}

const listCommand: Command = {
  name: 'list',
  summary: 'List the manifest models and every model folder, with state and integrity',
  usage: 'models list [--json]',
  options: { json: { type: 'boolean', description: 'Print the list as JSON' } },
  async run(args, io) {
    const modelsDir = modelsDirFor(io);
    const models = await listModels(modelsDir, await manifestFor());
    io.stdout(
      args.values.json
        ? `${JSON.stringify({ modelsDir, models }, null, 2)}\n`
        : formatModelList(models, modelsDir),
    );
    return models.some((m) => m.integrity === 'corrupt') ? EXIT_FAILURE : EXIT_OK;
  },
};

const fetchCommand: Command = {
  name: 'fetch',
  summary: 'Download a manifest model from the hub, verify it and install it',
  usage: 'models fetch <id> [--revision R] [--endpoint URL] [--timeout S]',
  positionals: [1, 1],
  options: {
    revision: {
      type: 'string',
      value: '<rev>',
      description: 'Branch, tag or commit (default: the manifest’s)',
    },
    endpoint: {
      type: 'string',
      value: '<url>',
      description: 'Model hub (default: $HF_ENDPOINT, else https://huggingface.co)',
    },
    timeout: {
      type: 'string',
      value: '<s>',
      description: 'Give up when the hub sends nothing for this many seconds (default 15)',
    },
  },
  async run(args, io) {
    const progress = downloadProgress(io);
    try {
      const installed = await fetchModel({
        id: args.positionals[0]!,
        revision: stringOption(args, 'revision'),
        endpoint: hubEndpoint(stringOption(args, 'endpoint'), io.env),
        timeoutMs: intOption(args, 'timeout', 15, 1, 3600) * 1000,
        modelsDir: modelsDirFor(io),
        manifest: await manifestFor(),
        onProgress: (p) => progress.update(p),
      });
      progress.end();
      io.stdout(installedLine(installed));
      return EXIT_OK;
    } finally {
      progress.end();
    }
  },
};

const importCommand: Command = {
  name: 'import',
  summary: 'Install a model folder (or a folder of models) without the network',
  usage: 'models import <dir> [--id ORG/NAME]',
  positionals: [1, 1],
  options: {
    id: {
      type: 'string',
      value: '<org/name>',
      description: 'The model id (default: from the folder’s lock, config.json or path)',
    },
  },
  async run(args, io) {
    const installed = await importModels({
      srcDir: args.positionals[0]!,
      id: stringOption(args, 'id'),
      modelsDir: modelsDirFor(io),
      manifest: await manifestFor(),
      onFile: (file, index, count) => {
        if (io.isTty) io.stderr(`\r\u001b[2K[${index + 1}/${count}] ${file}`);
      },
    });
    if (io.isTty) io.stderr('\r\u001b[2K');
    for (const model of installed) io.stdout(installedLine(model));
    return EXIT_OK;
  },
};

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List, fetch and import the on-device models (embeddings, speech)',
  usage: 'models <list|fetch|import> …',
  options: {},
  subcommands: [listCommand, fetchCommand, importCommand],
  run: () => Promise.resolve(EXIT_USAGE),
};
