/** `inloop pack build|keygen|verify|import-*`: what a team lead runs. */
import type { Command } from '../../cli/command';

export const authoringSubcommands: Command[] = [];
