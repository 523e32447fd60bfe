/** The command table: one row per command file. */
import type { CliCommand } from './types';
import { chatCommand } from './chat';
import { classifyTextCommand } from './classify-text';
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
import { translateCommand } from './translate';
import { translateDateCommand } from './translate-date';
// BERT (issue 12 §3-4)
import { mlmCommand } from './mlm';
import { nerCommand } from './ner';
import { qaCommand } from './qa';
import { similarityCommand } from './similarity';
// trigger-word detection (issue 13 §3)
import { triggerCommand } from './trigger';
// speech-to-text (issue 13 §5)
import { speechCommand } from './speech';
import { transcribeCommand } from './transcribe';

export const COMMANDS: CliCommand[] = [
  trainCommand,
  predictCommand,
  detectCommand,
  styleCommand,
  textgenCommand,
  forecastCommand,
  musicCommand,
  translateCommand,
  translateDateCommand,
  embedCommand,
  tokenizerCommand,
  chatCommand,
  classifyTextCommand,
  keywordsCommand,
  dlsCommand,
  infoCommand,
  // BERT (issue 12 §3-4)
  mlmCommand,
  nerCommand,
  qaCommand,
  similarityCommand,
  // trigger-word detection (issue 13 §3)
  triggerCommand,
  // speech-to-text (issue 13 §5)
  speechCommand,
  transcribeCommand,
];
