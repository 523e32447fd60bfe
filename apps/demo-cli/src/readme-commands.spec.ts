/**
 * Every `dlkit ...` line in the project's READMEs names a real command and only options that
 * command accepts (checked against the registered command table, so renaming a flag without
 * updating the docs fails here with the README line).
 */
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from './commands';
import { buildProgram } from './main';
import { checkCommand, readmeCommands } from './testing/readme-commands';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function program() {
  const p = buildProgram();
  for (const c of COMMANDS) c.register(p, async () => undefined);
  return p;
}

describe('readmeCommands', () => {
  it('finds invocations in fences only, joins continuations, splits &&, drops comments', () => {
    const md = [
      'dlkit train mnist --epochs 2', // 1: prose, not in a fence
      '```sh',
      '$ npx dlkit train mnist --json   # ~1 min',
      'npm run build && npx dlkit info --json',
      'dlkit style --content a.png \\',
      '  --style b.png --steps 5',
      'dlkit translate-date "Saturday # not a comment"',
      '```',
    ].join('\n');
    expect(readmeCommands(md)).toEqual([
      { line: 3, text: 'dlkit train mnist --json' },
      { line: 4, text: 'dlkit info --json' },
      { line: 5, text: 'dlkit style --content a.png  --style b.png --steps 5' },
      { line: 7, text: 'dlkit translate-date "Saturday # not a comment"' },
    ]);
  });
});

describe('checkCommand', () => {
  const p = program();
  it('accepts a real command with its options, also in usage brackets', () => {
    expect(
      checkCommand(p, 'dlkit train images --data DIR [--size 64] [--arch small|resnet|mobilenet] [--json]'),
    ).toEqual([]);
    expect(checkCommand(p, 'dlkit train mnist --no-augment --epochs 1')).toEqual([]);
  });
  it('names unknown options and commands', () => {
    expect(checkCommand(p, 'dlkit train images --data d --sise 64')).toEqual([
      "'dlkit train images' has no option --sise",
    ]);
    expect(checkCommand(p, 'dlkit trian mnist')).toEqual(["unknown command 'trian'"]);
  });
});

describe('the READMEs', () => {
  const readmes = [
    'README.md',
    'apps/demo-cli/README.md',
    ...fs.readdirSync(path.join(ROOT, 'packages')).map((p) => `packages/${p}/README.md`),
  ].filter((f) => fs.existsSync(path.join(ROOT, f)));
  const p = program();
  it.each(readmes)('%s: every dlkit command line is valid', (readme) => {
    const problems = readmeCommands(fs.readFileSync(path.join(ROOT, readme), 'utf8')).flatMap((c) =>
      checkCommand(p, c.text).map((e) => `${readme}:${c.line}: ${e}`),
    );
    expect(problems).toEqual([]);
  });
  it('finds the commands the READMEs document (the scan is not vacuous)', () => {
    const count = readmes.reduce((n, f) => n + readmeCommands(fs.readFileSync(path.join(ROOT, f), 'utf8')).length, 0);
    expect(count).toBeGreaterThan(30);
  });
});
