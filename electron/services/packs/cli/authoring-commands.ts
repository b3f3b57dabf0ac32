/** `inloop pack build|keygen|verify|import-*`: what a team lead runs. */
import type { Command } from '../../core/cli/command';
import type { OpenPacks } from './install-commands';
import { importMacrosCommand, importZendeskCommand } from '../import/cli-commands';
import { buildCommand } from './build-command';
import { keygenCommand } from './keygen-command';
import { verifyCommand } from './verify-command';

export const authoringSubcommands = (open: OpenPacks): Command[] => [
  buildCommand,
  keygenCommand,
  verifyCommand(open),
  importZendeskCommand,
  importMacrosCommand,
];
