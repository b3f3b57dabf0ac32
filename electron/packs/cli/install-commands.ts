/** `inloop pack install|list|remove|rollback`: what runs on an agent's device. */
import type { Command } from '../../cli/command';

export const installSubcommands: Command[] = [];
