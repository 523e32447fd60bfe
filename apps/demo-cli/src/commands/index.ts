/** The command table: one row per command file. */
import type { CliCommand } from './types';
import { infoCommand } from './info';

export const COMMANDS: CliCommand[] = [infoCommand];
