/** The command table: one row per command file. */
import type { CliCommand } from './types';
import { detectCommand } from './detect';
import { dlsCommand } from './dls';
import { infoCommand } from './info';
import { predictCommand } from './predict';
import { styleCommand } from './style';
import { trainCommand } from './train';

export const COMMANDS: CliCommand[] = [trainCommand, predictCommand, detectCommand, styleCommand, dlsCommand, infoCommand];
