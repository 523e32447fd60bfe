// `dlkit textgen train|sample` end to end on a tiny corpus file: the JSON contract, the saved
// model, reproducible sampling, and errors that name the bad input. (The default names run is
// measured in packages/sequence/docs/textgen.md; the library spec trains on the real names.)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliRun } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-textgen-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const corpus = path.join(tmp, 'dinos.txt');
const outDir = path.join(tmp, 'out');
const modelDir = path.join(outDir, 'model');
// 48 dinosaur-like names, one per line (short lines: read as items).
const NAMES = [
  'aachenosaurus',
  'abelisaurus',
  'achelousaurus',
  'achillobator',
  'acrocanthosaurus',
  'adasaurus',
  'aegyptosaurus',
  'afrovenator',
  'agilisaurus',
  'alamosaurus',
  'albertosaurus',
  'alioramus',
  'allosaurus',
  'alvarezsaurus',
  'amargasaurus',
  'ampelosaurus',
  'anchisaurus',
  'ankylosaurus',
  'apatosaurus',
  'archaeopteryx',
  'argentinosaurus',
  'bagaceratops',
  'barosaurus',
  'baryonyx',
  'brachiosaurus',
  'camarasaurus',
  'carnotaurus',
  'centrosaurus',
  'ceratosaurus',
  'coelophysis',
  'compsognathus',
  'corythosaurus',
  'deinonychus',
  'diplodocus',
  'dilophosaurus',
  'edmontosaurus',
  'gallimimus',
  'giganotosaurus',
  'hadrosaurus',
  'iguanodon',
  'kentrosaurus',
  'maiasaura',
  'megalosaurus',
  'oviraptor',
  'pachycephalosaurus',
  'parasaurolophus',
  'stegosaurus',
  'triceratops',
];

interface TrainJson {
  task: string;
  valPerplexity: number;
  bigramPerplexity: number;
  unigramPerplexity: number;
  model: string;
  trainItems: number;
  validationItems: number;
  kind: string;
}

beforeAll(() => fs.writeFileSync(corpus, NAMES.join('\n') + '\n'));

describe('dlkit textgen', () => {
  // One training run (into outDir) that the other tests read and never change: each test can run alone.
  let r: CliRun;
  // Slow (~1-3 s): a real (tiny) training run through the CLI.
  beforeAll(async () => {
    r = await runCli(
      'textgen',
      'train',
      '--corpus',
      corpus,
      '--epochs',
      '2',
      '--units',
      '16',
      '--batch-size',
      '8',
      '--out',
      outDir,
      '--seed',
      '3',
      '--json',
    );
  }, 30_000);

  it('train: prints the JSON contract last and writes the model directory', () => {
    expect(r.code).toBe(0);
    const j = r.json<TrainJson>();
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['task', 'valPerplexity', 'bigramPerplexity', 'unigramPerplexity', 'model']),
    ); // the keys, in any order
    expect(j).toMatchObject({ task: 'textgen', model: modelDir, kind: 'lines', trainItems: 43, validationItems: 5 });
    for (const key of ['valPerplexity', 'bigramPerplexity', 'unigramPerplexity'] as const) {
      expect(j[key]).toBeGreaterThan(1);
      expect(j[key]).toBeLessThan(40); // at most the ~27 characters + end marker of a uniform guess, with slack for an untrained model
    }
    expect(j.bigramPerplexity).toBeLessThan(j.unigramPerplexity);
    for (const file of ['model.json', 'weights.bin', 'textgen.json', 'training-items.json'])
      expect(fs.existsSync(path.join(modelDir, file))).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/epoch 2\/2/);
  });

  // Slow (~1-3 s): two more tiny training runs.
  it('train --resume continues an interrupted run to the same result (human output)', async () => {
    const out = path.join(tmp, 'out-resume');
    const args = [
      'textgen',
      'train',
      '--corpus',
      corpus,
      '--units',
      '16',
      '--batch-size',
      '8',
      '--out',
      out,
      '--seed',
      '3',
    ];
    expect((await runCli(...args, '--epochs', '1')).code).toBe(0);
    const resumed = await runCli(...args, '--epochs', '2', '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^validation perplexity \d+\.\d+ per character \(.*bigram/);
    expect(resumed.stdout).toContain('2 epochs, wasm');
    expect(resumed.stdout).toContain('resumed after epoch 1');
    // The uninterrupted 2-epoch run above has the same seed and settings: exact resume, same perplexity.
    const meta = (dir: string) =>
      JSON.parse(fs.readFileSync(path.join(dir, 'model', 'textgen.json'), 'utf8')).metrics.valPerplexity;
    expect(meta(out)).toBeCloseTo(meta(outDir), 5);
  }, 30_000);

  // Slow (~1-3 s): loads the model five times and samples from it.
  it('sample: same seed, same samples; a prefix starts every sample; human output lists them', async () => {
    const a = await runCli('textgen', 'sample', '--model', modelDir, '--n', '6', '--seed', '4', '--json');
    expect(a.code).toBe(0);
    const ja = a.json<{ samples: string[]; novel: number }>();
    expect(ja.samples).toHaveLength(6);
    expect(ja.novel).toBeGreaterThanOrEqual(0);
    expect(ja.novel).toBeLessThanOrEqual(1);
    const b = await runCli('textgen', 'sample', '--model', modelDir, '--n', '6', '--seed', '4', '--json');
    expect(b.json()).toEqual(ja);
    const p = await runCli(
      'textgen',
      'sample',
      '--model',
      modelDir,
      '--n',
      '3',
      '--prefix',
      'steg',
      '--temperature',
      '0.5',
      '--top-k',
      '3',
      '--json',
    );
    expect(p.json<{ samples: string[] }>().samples.every((s) => s.startsWith('steg'))).toBe(true);
    // This file corpus was not lowercased (no --lowercase), so an uppercase prefix is unknown.
    expect((await runCli('textgen', 'sample', '--model', modelDir, '--prefix', 'Steg')).stderr).toMatch(
      /unknown token "S" in the prefix/,
    );
    const human = await runCli('textgen', 'sample', '--model', modelDir, '--n', '2', '--prefix', 'ste');
    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith('ste')).toBe(true);
    expect(lines[2]).toMatch(/^novel: \d+% of 2 samples/);
  }, 30_000);

  it('errors: what was typed (a prefix the model cannot read, a missing model or corpus, bad flags) exits 2; unusable file contents exit 1', async () => {
    const unknown = await runCli('textgen', 'sample', '--model', modelDir, '--prefix', 'dino7');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--prefix: unknown token "7" in the prefix/);
    const missing = path.join(tmp, 'no-model');
    const m = await runCli('textgen', 'sample', '--model', missing, '--json');
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(
      `--model ${missing}: no such directory (expected a model directory written by \`dlkit textgen train\`)`,
    );
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '\n\n');
    const e = await runCli('textgen', 'train', '--corpus', empty, '--out', path.join(tmp, 'out-empty'), '--json');
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`corpus ${empty}: empty`);
    const solo = path.join(tmp, 'solo.txt');
    fs.writeFileSync(solo, 'rex\n');
    const one = await runCli('textgen', 'train', '--corpus', solo, '--out', path.join(tmp, 'out-solo'));
    expect(one.code).toBe(1);
    expect(one.stderr).toContain(`corpus ${solo}: 1 item(s) cannot be split for validation`);
    const nofile = await runCli(
      'textgen',
      'train',
      '--corpus',
      path.join(tmp, 'nope.txt'),
      '--out',
      path.join(tmp, 'out-nope'),
    );
    expect(nofile.code).toBe(2);
    expect(nofile.stderr).toMatch(/--corpus .*nope\.txt: no such file/);
    expect((await runCli('textgen', 'train', '--epochs', '0')).code).toBe(2);
    expect((await runCli('textgen', 'train', '--cell', 'rnn')).stderr).toMatch(
      /--cell must be one of lstm, gru, got 'rnn'/,
    );
    expect((await runCli('textgen', 'sample', '--temperature', '-1')).code).toBe(2);
    expect((await runCli('textgen', 'sample', '--bogus')).code).toBe(2);
  });

  it('--help describes every option', async () => {
    const train = await runCli('textgen', 'train', '--help');
    expect(train.code).toBe(0);
    for (const flag of ['--corpus', '--epochs', '--out', '--seed', '--json', '--resume', '--units', '--mode'])
      expect(train.stdout).toContain(flag);
    const sample = await runCli('textgen', 'sample', '--help');
    for (const flag of ['--model', '--n', '--temperature', '--top-k', '--prefix', '--seed', '--json'])
      expect(sample.stdout).toContain(flag);
  });
});
