// `dlkit embed ...` end to end on a small generated corpus (words co-occur by topic) and small
// vector files: the JSON contract, the files written, and errors that name the bad input.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-embed-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const corpus = path.join(tmp, 'topics.txt');
const rng = new Rng(7);
fs.writeFileSync(
  corpus,
  Array.from({ length: 1500 }, () => {
    const g = rng.int(4);
    return Array.from({ length: 8 }, () => `q${'abcd'[g]}z${'abcdef'[rng.int(6)]}`).join(' '); // group = first 2 letters
  }).join('\n'),
);
const out = path.join(tmp, 'out');
const vectors = path.join(out, 'vectors.vec');

describe('dlkit embed', () => {
  it('trains on a text file and writes word2vec text vectors', async () => {
    // 30 epochs: subsampling (t = 1e-4) keeps ~5 % of this 24-word corpus's tokens
    const args = ['--corpus', corpus, '--dim', '16', '--epochs', '30', '--min-count', '1', '--threads', '1'];
    const r = await runCli('embed', 'train', ...args, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ task: 'embeddings', vocab: 24, trainWords: 360000, vectors, plot: null }); // no plotted pairs in this corpus
    expect(fs.readFileSync(vectors, 'utf8').split('\n')[0]).toBe('24 16');
  }, 20_000);

  it('finds neighbours and answers analogies from --vectors', async () => {
    const similar = await runCli('embed', 'similar', 'qbza', '--vectors', vectors, '--k', '3', '--json');
    expect(similar.code).toBe(0);
    const { neighbours } = similar.json<{ neighbours: Array<{ word: string }> }>();
    expect(neighbours.map((n) => n.word.slice(0, 2))).toEqual(['qb', 'qb', 'qb']);
    const analogy = await runCli(
      'embed',
      'analogy',
      'qaza',
      'qazb',
      'qcza',
      '--vectors',
      vectors,
      '--method',
      'mul',
      '--json',
    );
    expect(analogy.code).toBe(0);
    expect(analogy.json()).toMatchObject({ question: ['qaza', 'qazb', 'qcza'], method: 'mul' });
  });

  it('debiases occupations and writes the vectors to --out FILE', async () => {
    // 3-D vectors: gender on axis 0 for the pairs, the occupations leaning on it
    const rows = [
      ['woman', 1, 0.2, 0],
      ['man', -1, 0.2, 0],
      ['she', 1, 0, 0.3],
      ['he', -1, 0, 0.3],
      ['nurse', 0.5, 1, 0],
      ['engineer', -0.5, 0, 1],
    ];
    const file = path.join(tmp, 'glove.txt');
    fs.writeFileSync(file, rows.map((r) => r.join(' ')).join('\n'));
    const fair = path.join(tmp, 'fair.bin');
    const r = await runCli('embed', 'debias', '--vectors', file, '--out', fair, '--json');
    expect(r.code).toBe(0);
    const json = r.json<{ meanAbsProjection: { before: number; after: number }; neutralWords: number }>();
    expect(json.neutralWords).toBe(2);
    expect(json.meanAbsProjection.before).toBeGreaterThan(0.1);
    expect(json.meanAbsProjection.after).toBeLessThan(1e-6);
    expect(fs.statSync(fair).size).toBeGreaterThan(0);
  });

  it('names the bad input: missing file (2), unknown word (2), malformed vectors (1), empty corpus (1)', async () => {
    const missing = await runCli('embed', 'similar', 'x', '--vectors', path.join(tmp, 'none.vec'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const unknown = await runCli('embed', 'similar', 'zebra', '--vectors', vectors);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("'zebra' is not among the 24 words")]);
    const mixed = path.join(tmp, 'mixed.txt');
    fs.writeFileSync(mixed, 'a 1 2\nb 1\n');
    const bad = await runCli('embed', 'similar', 'a', '--vectors', mixed);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining(`${mixed}:2: inconsistent dimensions`)]);
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '\n');
    const e = await runCli('embed', 'train', '--corpus', empty, '--out', out);
    expect([e.code, e.stderr]).toEqual([1, expect.stringContaining(`${empty}: the corpus is empty`)]);
    const d = await runCli('embed', 'debias', '--vectors', vectors);
    expect([d.code, d.stderr]).toEqual([2, expect.stringContaining('--out <file> is required')]);
  });
});
