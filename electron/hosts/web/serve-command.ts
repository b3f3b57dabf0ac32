import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost } from './web-host';
import { openServices } from '../../app/open-services';
import { appRoot, dataDirOption } from '../../services/core/cli/cli-context';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../../services/core/cli/command';
import { intOption, stringOption } from '../../services/core/cli/option-values';

export const serveCommand: Command = {
  name: 'serve',
  summary:
    'Run Inloop in a browser: a local web host on 127.0.0.1 (for VDI, thin clients and tests)',
  usage: 'serve [--port N] [--data-dir D] [--diagnostics]',
  options: {
    port: {
      type: 'string',
      value: '<N>',
      description: 'Port on 127.0.0.1 (default 4477; 0 picks a free one)',
    },
    'data-dir': dataDirOption,
    'renderer-dir': {
      type: 'string',
      value: '<dir>',
      description: 'Built renderer to serve (default out/renderer)',
    },
    diagnostics: {
      type: 'boolean',
      description:
        'Answer diagnostics:process-sample (memory, handles, listeners, event-loop delay) on the API, for npm run soak',
    },
  },
  async run(args, io) {
    const port = intOption(args, 'port', 4477, 0, 65535);
    const rendererDir = stringOption(args, 'renderer-dir') ?? join(appRoot, 'out', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      io.stderr(
        `inloop serve: no built renderer in ${rendererDir}. Build it first: npm run build:renderer\n`,
      );
      return EXIT_FAILURE;
    }
    const services = await openServices(args, io, 'web');
    const host = await startWebHost({ services, rendererDir, port });
    io.stdout(`Inloop is ready at ${host.url}\n`);
    io.stderr(
      services.ingestUrl
        ? `Ingest endpoint: POST ${services.ingestUrl} (token: inloop assist --ingest-token)\n`
        : 'Ingest endpoint: not running (see the warning above)\n',
    );
    io.stderr(`Data folder: ${services.options.dataDir}. Press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await host.close();
    await services.close();
    return EXIT_OK;
  },
};
