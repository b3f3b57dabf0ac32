/** Entry of the `inloop` command-line tool: `npm run -s inloop -- <command>`. */
import { appVersion } from '../../services/core/cli/cli-context';
import { commands } from './commands';
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), commands, appVersion, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  isTty: process.stdout.isTTY === true,
});
// Once a command is done, nothing it opened (a model worker, a native handle) may keep the
// process alive; flush what was written to the pipes first, then exit.
const flushed = (stream: NodeJS.WriteStream) => new Promise((resolve) => stream.write('', resolve));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
