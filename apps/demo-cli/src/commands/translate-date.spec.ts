// `dlkit translate-date train|"<date>"` end to end with tiny runs: the JSON contract, the saved
// translator and attention PNG, both command forms (subcommand and positional text), bad TSV
// rows by line number, and errors that say what to do. (The default run, exact match on 2,000
// held-out dates, is measured in packages/sequence/docs/seq2seq.md.)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-translate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

// Words spelled backwards: a character-level "translation" the model can be asked about.
const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
  'mike',
  'november',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
];
const tsv = path.join(tmp, 'reverse.tsv');
beforeAll(() => {
  const lines = WORDS.map((w) => `${w}\t${[...w].reverse().join('')}`);
  lines.splice(2, 0, 'no tab on this line');
  lines.splice(5, 0, `\tempty source`);
  fs.writeFileSync(tsv, lines.join('\n') + '\n');
});

interface TrainJson {
  task: string;
  exactMatch: number;
  charAccuracy: number;
  attention: string;
  model: string;
  example: { input: string; output: string };
  skipped?: number;
  skippedRows?: { line: number; reason: string }[];
  heldOut: number;
}

describe('dlkit translate-date', () => {
  // Slow (~2-4 s): a tiny training run, its attention PNG, then a translation read back.
  it('train --pairs: reports bad rows by line, writes the translator and the attention PNG; translation reads it back', async () => {
    const out = path.join(tmp, 'pairs');
    const r = await runCli(
      'translate-date',
      'train',
      '--pairs',
      tsv,
      '--epochs',
      '2',
      '--batch-size',
      '8',
      '--out',
      out,
      '--seed',
      '2',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = r.json<TrainJson>();
    expect(j).toMatchObject({
      task: 'pairs',
      model: path.join(out, 'model'),
      attention: path.join(out, 'attention.png'),
      skipped: 2,
      heldOut: 2,
    });
    expect(j.skippedRows).toEqual([
      { line: 3, reason: 'no tab (expected source<TAB>target)' },
      { line: 6, reason: 'empty source' },
    ]);
    expect(r.stderr).toContain(`${tsv} line 3: no tab (expected source<TAB>target); skipped`);
    expect(r.stderr).toMatch(/epoch 2\/2/);
    expect(j.exactMatch).toBeGreaterThanOrEqual(0);
    expect([...fs.readFileSync(j.attention).subarray(0, 4)]).toEqual(PNG_MAGIC);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);

    const t = await runCli('translate-date', 'alpha', '--model', j.model, '--json');
    expect(t.code).toBe(0);
    const tj = t.json<{ input: string; output: string; attention: number[][] }>();
    expect(tj.input).toBe('alpha');
    expect(typeof tj.output).toBe('string');
    expect(tj.attention).toHaveLength(8); // Ty = longest target ("rebmevon")
    for (const row of tj.attention) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 3);

    const human = await runCli('translate-date', '--model', j.model, 'alpha');
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(`${tj.output}\n`);

    const unknown = await runCli('translate-date', 'alpha!', '--model', j.model);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown token "!" in the input "alpha!"');
  }, 60_000);

  // Slow (~1-2 s): a tiny training run on dates.
  it('train on dates (tiny run): the dates JSON contract', async () => {
    const out = path.join(tmp, 'dates');
    const r = await runCli(
      'translate-date',
      'train',
      '--examples',
      '40',
      '--held-out',
      '10',
      '--epochs',
      '1',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const j = r.json<TrainJson>();
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['task', 'exactMatch', 'attention', 'model'])); // the keys, in any order
    expect(j).toMatchObject({
      task: 'dates',
      examples: 40,
      heldOut: 10,
      attention: path.join(out, 'attention.png'),
      model: path.join(out, 'model'),
    });
    expect(j.example.input).toBe('Saturday May 9 2018');
    expect(j.exactMatch).toBeGreaterThanOrEqual(0);
    expect(j.exactMatch).toBeLessThanOrEqual(1);
    expect(fs.existsSync(path.join(out, 'model', 'translator.json'))).toBe(true);
  }, 60_000);

  it('says what to do when the model is missing, the text is missing, or the pairs file is unusable', async () => {
    const missing = await runCli('translate-date', 'Saturday May 9 2018', '--model', path.join(tmp, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /--model .*nope: no such directory \(expected a translator written by `dlkit translate-date train`\)/,
    );
    fs.mkdirSync(path.join(tmp, 'empty-model'));
    const empty = await runCli('translate-date', 'Saturday May 9 2018', '--model', path.join(tmp, 'empty-model'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(
      /translator\.json: no such file \(expected a trained translator: run `dlkit translate-date train` --out <dir> and pass --model <dir>\/model first\)/,
    );

    const noText = await runCli('translate-date');
    expect(noText.code).toBe(2);
    expect(noText.stderr).toContain('give the text to translate');

    const bad = path.join(tmp, 'bad.tsv');
    fs.writeFileSync(bad, 'one\ntwo\n');
    const r = await runCli('translate-date', 'train', '--pairs', bad, '--out', path.join(tmp, 'bad'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: no usable source<TAB>target pairs (line 1: no tab`);

    const absent = await runCli('translate-date', 'train', '--pairs', path.join(tmp, 'absent.tsv'));
    expect(absent.code).toBe(2);
    const mixed = await runCli('translate-date', 'train', '--pairs', tsv, '--examples', '5');
    expect(mixed.code).toBe(2);
  });

  it('--help describes both forms', async () => {
    const help = await runCli('translate-date', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--model <dir>');
    expect(help.stdout).toContain('train');
    const trainHelp = await runCli('translate-date', 'train', '--help');
    expect(trainHelp.code).toBe(0);
    for (const flag of [
      '--pairs <file.tsv>',
      '--examples <n>',
      '--held-out <n>',
      '--epochs <n>',
      '--batch-size <n>',
      '--learning-rate <lr>',
      '--out <dir>',
      '--seed <n>',
      '--json',
    ])
      expect(trainHelp.stdout).toContain(flag);
  });
});
