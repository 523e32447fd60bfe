// `dlkit translate train|"<text>"` end to end with tiny runs: the JSON contract (greedy and beam
// scores), the saved translator read back with greedy and beam decoding, a resumed run, and errors
// that say what to do. (The default runs, exact match and CER on 2,000 held-out numbers, are
// measured in packages/sequence/docs/seq2seq.md with bench/translate-report.js.)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-translate-numbers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface TrainJson {
  task: string;
  exactMatch: number;
  cer: number;
  model: string;
  pairs: string;
  arch: string;
  beam?: { width: number; exactMatch: number; cer: number };
  attention: string;
  example: { input: string; output: string };
  heldOut: number;
  trainPairs: number;
  parameters: number;
  epochs: number;
  resumedFromEpoch: number;
}

const TINY = ['--examples', '24', '--held-out', '6', '--batch-size', '12', '--seed', '2', '--json'];

describe('dlkit translate', () => {
  // Slow (~8-15 s): two tiny training runs on en-fr (Tx 64, Ty 74), then translations read back.
  it('train --pairs en-fr: the JSON contract, greedy and beam; translate reads the model back; --resume continues', async () => {
    const out = path.join(tmp, 'en-fr');
    const r = await runCli(
      'translate',
      'train',
      '--pairs',
      'en-fr',
      '--epochs',
      '1',
      '--beam',
      '2',
      '--out',
      out,
      ...TINY,
    );
    expect(r.code).toBe(0);
    const j = r.json<TrainJson>();
    expect(Object.keys(j).slice(0, 4)).toEqual(['task', 'exactMatch', 'cer', 'model']);
    expect(j).toMatchObject({
      task: 'translate',
      pairs: 'en-fr',
      arch: 'lstm',
      model: path.join(out, 'model'),
      onnx: path.join(out, 'translator.onnx'),
      attention: path.join(out, 'attention.png'),
      trainPairs: 24,
      heldOut: 6,
      epochs: 1,
      resumedFromEpoch: 0,
    });
    expect(j.beam).toMatchObject({ width: 2 });
    expect(j.parameters).toBeGreaterThan(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/epoch 1\/1/);

    const text = j.example.input; // a held-out number: its characters are in the tiny model's vocabulary
    const t = await runCli('translate', '--model', j.model, '--beam', '3', '--json', text);
    expect(t.code).toBe(0);
    const tj = t.json<{ input: string; output: string; beamWidth: number; attention: number[][] }>();
    expect(tj).toMatchObject({ input: text, beamWidth: 3 });
    expect(tj.attention).toHaveLength(74);
    const human = await runCli('translate', '--model', j.model, text);
    expect(human.code).toBe(0);
    expect(human.stdout.split('\n')).toHaveLength(2);

    const unknown = await runCli('translate', '--model', j.model, `${text} 12`);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`unknown token "1" in the input "${text} 12"`);

    const resumed = await runCli(
      'translate',
      'train',
      '--pairs',
      'en-fr',
      '--epochs',
      '2',
      '--beam',
      '1',
      '--out',
      out,
      '--resume',
      ...TINY,
    );
    expect(resumed.code).toBe(0);
    expect(resumed.json<TrainJson>()).toMatchObject({ epochs: 2, resumedFromEpoch: 1 });
    expect(resumed.json<TrainJson>().beam).toBeUndefined();
  }, 120_000);

  // Slow (~10-25 s): a tiny transformer run on en-fr (small sizes from the flags, 24 pairs, one epoch), then a translation read back.
  it('train --arch transformer: the same JSON contract, the size flags; translate reads the transformer back', async () => {
    const out = path.join(tmp, 'en-fr-transformer');
    const r = await runCli(
      'translate',
      'train',
      '--arch',
      'transformer',
      '--epochs',
      '1',
      '--beam',
      '2',
      '--layers',
      '1',
      '--d-model',
      '16',
      '--heads',
      '2',
      '--dff',
      '24',
      '--warmup',
      '10',
      '--label-smoothing',
      '0.05',
      '--tokens',
      'pieces',
      '--out',
      out,
      ...TINY,
    );
    expect(r.code).toBe(0);
    const j = r.json<TrainJson>();
    expect(j).toMatchObject({ task: 'translate', arch: 'transformer', model: path.join(out, 'model'), epochs: 1 });
    const saved = JSON.parse(fs.readFileSync(path.join(j.model, 'translator.json'), 'utf8'));
    expect(saved.model).toMatchObject({ dModel: 16, layers: 1, numHeads: 2, dff: 24 });
    expect(saved.coder.tokens).toBe('pieces');
    expect(j.beam).toMatchObject({ width: 2 });
    expect(fs.existsSync(path.join(out, 'attention-head-1.png'))).toBe(true);
    const t = await runCli('translate', '--model', j.model, '--beam', '2', '--json', j.example.input);
    expect(t.code).toBe(0);
    expect(t.json<{ output: string }>().output).toBe(j.example.output);
  }, 120_000);

  it('usage errors: unknown --arch, --examples with a TSV, a missing file, no text, no model', async () => {
    const gru = await runCli('translate', 'train', '--arch', 'gru');
    expect(gru.code).toBe(2);
    expect(gru.stderr).toContain('--arch must be one of lstm, transformer, got "gru"');
    const lstmSizes = await runCli('translate', 'train', '--layers', '2', '--heads', '2');
    expect(lstmSizes.code).toBe(2);
    expect(lstmSizes.stderr).toContain('--layers, --heads apply to --arch transformer only');
    const odd = await runCli('translate', 'train', '--arch', 'transformer', '--d-model', '30', '--heads', '4');
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('--d-model 30 must be divisible by the number of heads (4)');
    const tokens = await runCli('translate', 'train', '--arch', 'transformer', '--tokens', 'words');
    expect(tokens.code).toBe(2);
    const tsv = path.join(tmp, 'p.tsv');
    fs.writeFileSync(tsv, 'a\tb\n');
    const mixed = await runCli('translate', 'train', '--pairs', tsv, '--examples', '5');
    expect(mixed.code).toBe(2);
    const absent = await runCli('translate', 'train', '--pairs', path.join(tmp, 'absent.tsv'));
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('absent.tsv: no such file (expected dates|en-fr|en-de|en-es or a TSV');
    const beam = await runCli('translate', '--beam', '0', 'one');
    expect(beam.code).toBe(2);
    const noText = await runCli('translate');
    expect(noText.code).toBe(2);
    expect(noText.stderr).toContain('give the text to translate, e.g. dlkit translate "four hundred twelve"');
    const missing = await runCli('translate', 'one', '--model', path.join(tmp, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /--model .*nope: no such directory \(expected a translator written by `dlkit translate train`\)/,
    );
  });

  it('--help lists the presets, the architectures and the shared training flags', async () => {
    const help = await runCli('translate', 'train', '--help');
    expect(help.code).toBe(0);
    for (const text of [
      '--pairs <preset|file.tsv>',
      'dates|en-fr|en-de|en-es',
      '--arch <name>',
      'lstm|transformer',
      '--beam <n>',
      '--layers <n>',
      '--d-model <n>',
      '--heads <n>',
      '--warmup <steps>',
      '--label-smoothing <e>',
      '--tokens <kind>',
      '--examples <n>',
      '--held-out <n>',
      '--epochs <n>',
      '--seed <n>',
      '--out <dir>',
      '--resume',
      '--json',
    ])
      expect(help.stdout).toContain(text);
  });
});
