/** The command table: one row per command file. */
import type { CliCommand } from './types';
import { chatCommand } from './chat';
import { detectCommand } from './detect';
import { dlsCommand } from './dls';
import { embedCommand } from './embed';
import { forecastCommand } from './forecast';
import { infoCommand } from './info';
import { keywordsCommand } from './keywords';
import { musicCommand } from './music';
import { predictCommand } from './predict';
import { styleCommand } from './style';
import { textgenCommand } from './textgen';
import { tokenizerCommand } from './tokenizer';
import { trainCommand } from './train';
import { translateDateCommand } from './translate-date';

export const COMMANDS: CliCommand[] = [
  trainCommand,
  predictCommand,
  detectCommand,
  styleCommand,
  textgenCommand,
  forecastCommand,
  musicCommand,
  translateDateCommand,
  embedCommand,
  tokenizerCommand,
  chatCommand,
  keywordsCommand,
  dlsCommand,
  infoCommand,
];
