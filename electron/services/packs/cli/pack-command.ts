/**
 * `inloop pack …`: the team lead's side (build, keygen, verify, import) and the device's side
 * (install, list, remove, rollback) of knowledge packs, as one command group.
 */
import { EXIT_USAGE, type Command } from '../../core/cli/command';
import { authoringSubcommands } from './authoring-commands';
import { installSubcommands, type OpenPacks } from './install-commands';

export const packCommand = (open: OpenPacks): Command => ({
  name: 'pack',
  summary: 'Build, sign, verify, install and manage knowledge packs',
  usage: 'pack <build|keygen|verify|import-zendesk|import-macros|install|list|remove|rollback> …',
  options: {},
  subcommands: [...authoringSubcommands(open), ...installSubcommands(open)],
  run: () => Promise.resolve(EXIT_USAGE),
});
