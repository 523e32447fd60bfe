// The translate-date training flow (moved out of the CLI): too little usable data is refused
// before training with a typed error that says how much is needed; a tiny run writes the
// translator and the attention picture; too-long inputs are told apart by type.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '@dlkit/core';
import { PairCoder, SequenceTooLongError, TooFewPairsError } from './pairs';
import { trainTranslateDate } from './translate-date-task';
import { MIN_TRAINING_PAIRS, readTrainingPairs } from './translate-presets';
import { Seq2seqTranslator } from './translator';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-translate-task-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend();
});

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
];
const reversed = (w: string) => [...w].reverse().join('');

describe('readTrainingPairs', () => {
  it('refuses a file that is mostly bad rows, saying how many pairs are needed', () => {
    const file = path.join(tmp, 'mostly-bad.tsv');
    fs.writeFileSync(
      file,
      ['one\teno', 'two\towt', ...Array.from({ length: 20 }, (_, i) => `bad row ${i}`)].join('\n'),
    );
    const logs: string[] = [];
    let error: unknown;
    try {
      readTrainingPairs(file, (l) => logs.push(l));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TooFewPairsError);
    expect(error).toMatchObject({ usable: 2, needed: MIN_TRAINING_PAIRS });
    expect((error as Error).message).toBe(
      `${file}: 2 usable pairs (20 bad rows skipped); training needs at least ${MIN_TRAINING_PAIRS} source<TAB>target pairs`,
    );
    expect(logs).toHaveLength(20); // each bad row reported by line
  });
  it('a file without any usable pair is the same error type', () => {
    const file = path.join(tmp, 'none.tsv');
    fs.writeFileSync(file, 'no tab\n');
    expect(() => readTrainingPairs(file)).toThrow(TooFewPairsError);
  });
});

describe('trainTranslateDate', () => {
  it('trains on pairs, saves the translator and the attention PNG (tiny run)', async () => {
    const file = path.join(tmp, 'reverse.tsv');
    fs.writeFileSync(file, WORDS.map((w) => `${w}\t${reversed(w)}`).join('\n'));
    const outDir = path.join(tmp, 'out');
    const r = await trainTranslateDate({ outDir, pairsFile: file, epochs: 1, batchSize: 4, seed: 2, progress: false });
    expect(r).toMatchObject({
      task: 'pairs',
      pairs: WORDS.length,
      model: path.join(outDir, 'model'),
      attention: path.join(outDir, 'attention.png'),
      skipped: [],
    });
    expect((r.trainPairs ?? 0) + r.heldOut).toBe(WORDS.length);
    expect(r.history.epochs).toHaveLength(1);
    expect(fs.readFileSync(r.attention).subarray(1, 4).toString()).toBe('PNG');
    const translator = await Seq2seqTranslator.load(r.model);
    try {
      expect(() => translator.translate('x'.repeat(50))).toThrow(SequenceTooLongError);
    } finally {
      translator.dispose();
    }
  }, 60_000);
});

describe('SequenceTooLongError', () => {
  it('carries the length and the limit', () => {
    const coder = PairCoder.fromPairs([{ source: 'ab', target: 'c' }]);
    expect(() => coder.encodeSource('aaa')).toThrow(
      expect.objectContaining({ name: 'SequenceTooLongError', length: 3, limit: 2 }),
    );
  });
});
