/**
 * Finds the `dlkit ...` command lines of a README (in fenced blocks: `dlkit`, `npx dlkit`, `$ npx
 * dlkit`, joined over `\` continuations, split on `&&`) and checks each against the CLI's own
 * command table: the subcommand path exists and every `--option` it names (also inside `[...]`
 * usage brackets) is one that command accepts. Used by readme-commands.spec.ts over every README.
 */
import type { Command } from 'commander';

export interface ReadmeCommand {
  /** 1-based README line where the command starts. */
  line: number;
  text: string;
}

const INVOCATION = /^(?:\$\s+)?(?:npx\s+)?dlkit(?:\s|$)/;

export function readmeCommands(markdown: string): ReadmeCommand[] {
  const lines = markdown.split('\n');
  const found: ReadmeCommand[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^```/.test(lines[i])) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) continue;
    const start = i;
    let text = lines[i];
    while (/\\\s*$/.test(text) && i + 1 < lines.length) text = text.replace(/\\\s*$/, ' ') + lines[++i].trim();
    for (const part of stripComment(text).split('&&')) {
      const command = part.trim();
      if (INVOCATION.test(command))
        found.push({ line: start + 1, text: command.replace(/^\$\s+/, '').replace(/^npx\s+/, '') });
    }
  }
  return found;
}

/** Drops a trailing `# comment` that is outside quotes. */
function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) return text.slice(0, i);
  }
  return text;
}

/** Problems with one command line: unknown subcommand or unknown options. Empty when it is fine. */
export function checkCommand(program: Command, text: string): string[] {
  const words = text.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  let command = program;
  for (const word of words.slice(1)) {
    if (!/^[a-z][a-z0-9-]*$/.test(word)) break;
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) {
      if (command.commands.length > 0 && command === program) return [`unknown command '${word}'`];
      break; // an argument of the command (e.g. a dls experiment name or an image file)
    }
    command = sub;
  }
  if (command === program) return [];
  const accepted = new Set(['--help', ...command.options.map((o) => o.long ?? '')]);
  const options = [...text.matchAll(/(?:^|[\s[|])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]);
  const path = [];
  for (let c: Command | null = command; c && c !== program; c = c.parent) path.unshift(c.name());
  return options.filter((o) => !accepted.has(o)).map((o) => `'dlkit ${path.join(' ')}' has no option ${o}`);
}
