/**
 * Greedy and beam-search decoding on constructed frame probabilities over the characters of a
 * wav2vec2-style vocabulary (blank 0, word delimiter "|"), forced alignment and word times.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { ctcBeamSearch } from './ctc-beam-search';
import { ctcForcedAlign } from './ctc-forced-align';
import { ctcForwardBackward } from './ctc-forward-backward';
import { ctcGreedyDecode } from './ctc-greedy-decode';
import { ctcWordTimings } from './ctc-word-timings';
import { LexiconTrie } from './lexicon-trie';
import { WordNgramLm } from './word-ngram-lm';
import { charTokenizerJson } from '../tokens/char-tokenizer';
import { Vocabulary } from '../tokens/vocabulary';

beforeAll(() => initBackend());

const TOKENS = ['_', '|', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const V = TOKENS.length;
const id = (c: string) => TOKENS.indexOf(c);
const text = (ids: number[]) => ids.map((i) => TOKENS[i]).join('');

/**
 * Log-probability rows [T, V]: each frame a string of its tokens ("H" = H at 0.9, "D6F4" = D 0.6
 * and F 0.4 shared with the rest), the remaining mass spread over the other tokens.
 */
function frames(spec: string[]): number[][] {
  return spec.map((f) => {
    const peaks = f.length === 1 ? [[f, 0.9]] : f.match(/[_|A-Z]\d/g)!.map((m) => [m[0], Number(m[1]) / 10 - 0.005]);
    const row = new Array(V).fill(0);
    let mass = 0;
    for (const [c, p] of peaks) {
      row[id(c as string)] = p as number;
      mass += p as number;
    }
    const rest = (1 - mass) / (V - peaks.length);
    return row.map((p) => Math.log(p || rest));
  });
}
const HELLO = frames([...'HE_L_LLO_']); // H E L blank L L O blank: a double L
const logProbOf = (lp: number[][], ids: number[]) => -ctcForwardBackward(lp.flat(), lp.length, V, ids, 0).nll;

describe('ctcGreedyDecode', () => {
  it('keeps a double letter separated by a blank ("HELLO", not "HELO"), with frame spans', () => {
    const d = ctcGreedyDecode(HELLO);
    expect(text(d.ids)).toBe('HELLO');
    expect(d.spans.map((s) => [TOKENS[s.id], s.start, s.end])).toEqual([
      ['H', 0, 1],
      ['E', 1, 2],
      ['L', 3, 4],
      ['L', 5, 7],
      ['O', 7, 8],
    ]);
  });

  it('collapses repeats without a blank, and reads tensors without disposing them', () => {
    const lp = tf.tensor2d(frames([...'HELLO']));
    expect(text(ctcGreedyDecode(lp).ids)).toBe('HELO');
    expect(lp.isDisposed).toBe(false);
    lp.dispose();
  });
});

describe('with the CTC tokenizer of src/tokens', () => {
  it('the blank is not an added token, so HELLO keeps its double L (dropping blanks before collapsing gives HELO)', () => {
    const vocab = new Vocabulary(['<pad>', '<unk>', '|', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'], { unknownToken: '<unk>' });
    const { tokenizer } = charTokenizerJson(vocab, { padToken: '<pad>', wordDelimiterToken: '|' });
    expect(tokenizer.added_tokens.map((t) => t.content)).not.toContain('<pad>');
    const path = [...'HEL_LO|WORLD'].map((c) => (c === '_' ? 0 : vocab.id(c))); // one frame each
    const lp = path.map((k) => vocab.tokens.map((_, j) => (j === k ? 0 : -20)));
    const text = (ids: number[]) => vocab.decode(ids).join('').replace(/\|/g, ' ');
    expect(text(ctcGreedyDecode(lp).ids)).toBe('HELLO WORLD');
    const blanksFirst = path.filter((k) => k !== 0).filter((k, t, a) => t === 0 || k !== a[t - 1]);
    expect(text(blanksFirst)).toBe('HELO WORLD'); // the transformers.js behaviour with the blank in added_tokens
  });
});

describe('ctcBeamSearch', () => {
  it('beam width 1 equals greedy on peaky frames (each argmax above 1/2)', () => {
    for (const spec of [[...'HE_L_LLO_'], [...'_HI||YO_'], [...'AAB_BBA']]) {
      const lp = frames(spec);
      expect(ctcBeamSearch(lp, { beamWidth: 1 })[0].ids).toEqual(ctcGreedyDecode(lp).ids);
    }
    expect(text(ctcBeamSearch(HELLO, { beamWidth: 8 })[0].ids)).toBe('HELLO');
  });

  it('finds a labelling at least as probable as greedy; with no pruning its logProb is the exact CTC probability', () => {
    // greedy picks blank (0.4) at every frame of "A4_4": the empty string; "A" sums A-paths and wins
    const lp = frames(['A3_4', 'A3_4', 'A3_4']);
    expect(ctcGreedyDecode(lp).ids).toEqual([]);
    const [best] = ctcBeamSearch(lp, { beamWidth: 8 });
    expect(text(best.ids)).toBe('A');
    expect(best.logProb).toBeGreaterThan(logProbOf(lp, []));
    expect(best.logProb).toBeCloseTo(logProbOf(lp, best.ids), 10);
    for (let seed = 1; seed <= 5; seed++) {
      const random = tf.tidy(
        () => tf.logSoftmax(tf.randomNormal([8, V], 0, 3, 'float32', seed)).arraySync() as number[][],
      );
      const greedy = ctcGreedyDecode(random).ids;
      const [beam] = ctcBeamSearch(random, { beamWidth: 16 });
      expect(logProbOf(random, beam.ids)).toBeGreaterThanOrEqual(logProbOf(random, greedy) - 1e-9);
      expect(beam.logProb).toBeLessThanOrEqual(logProbOf(random, beam.ids) + 1e-6); // pruning only drops alignments (float32 rows)
    }
  });

  it('a lexicon fixes a misspelling into a known word', () => {
    // the last letter is F (0.5) more than D (0.4): greedy writes WORLF
    const lp = frames([...'HEL_LO|WORL', 'F5D4']);
    expect(text(ctcGreedyDecode(lp).ids)).toBe('HELLO|WORLF');
    const lexicon = LexiconTrie.fromWords(['HELLO', 'WORLD', 'WORD']);
    const [best] = ctcBeamSearch(lp, { beamWidth: 16, tokens: TOKENS, lexicon });
    expect(text(best.ids)).toBe('HELLO|WORLD');
    expect(best.words).toEqual(['HELLO', 'WORLD']);
    expect(text(ctcBeamSearch(lp, { beamWidth: 16, tokens: TOKENS })[0].ids)).toBe('HELLO|WORLF'); // no lexicon
  });

  it('a word language model picks the word its training sentences make likely', () => {
    const lm = WordNgramLm.fromSentences(['THE CAT', 'THE CAT SAT', 'A HAT ON A MAT']);
    const lp = frames([...'THE|', 'H5C4', ...'AT']); // acoustically HAT (0.5) over CAT (0.4)
    const options = { beamWidth: 16, tokens: TOKENS };
    expect(ctcBeamSearch(lp, options)[0].words).toEqual(['THE', 'HAT']);
    const [best] = ctcBeamSearch(lp, { ...options, lm, lmWeight: 1 });
    expect(best.words).toEqual(['THE', 'CAT']);
    expect(best.score).toBeLessThan(best.logProb); // LM log-probabilities are negative
  });

  it('rejects a lexicon without token texts and a bad beam width', () => {
    expect(() => ctcBeamSearch(HELLO, { lexicon: LexiconTrie.fromWords(['A']) })).toThrow('needs `tokens`');
    expect(() => ctcBeamSearch(HELLO, { beamWidth: 0 })).toThrow('beamWidth must be a positive integer, got 0');
  });
});

describe('alignment and word times', () => {
  it('forced alignment of the greedy ids gives the greedy spans on peaky frames; impossible ids throw', () => {
    const lp = frames([...'_HI||YO_']);
    const greedy = ctcGreedyDecode(lp);
    expect(ctcForcedAlign(lp, greedy.ids)).toEqual(greedy.spans);
    expect(ctcForcedAlign(HELLO, ctcGreedyDecode(HELLO).ids)).toEqual(ctcGreedyDecode(HELLO).spans);
    expect(() => ctcForcedAlign(frames([...'AB']), [id('A'), id('A')])).toThrow(
      '2 ids (with repeats) do not fit in 2 frames',
    );
  });

  it('words start at their first token and end after their last (20 ms frames)', () => {
    const lp = frames([...'_HE_L_LLO_|_WOR_LD__']);
    const { spans, ids } = ctcGreedyDecode(lp);
    expect(text(ids)).toBe('HELLO|WORLD');
    const timings = ctcWordTimings(spans, TOKENS, { frameSeconds: 0.02 });
    expect(timings.map((w) => w.word)).toEqual(['HELLO', 'WORLD']);
    expect(timings[0].start).toBeCloseTo(0.02, 12); // H at frame 1
    expect(timings[0].end).toBeCloseTo(0.18, 12); // O at frame 8, so up to frame 9
    expect(timings[1].start).toBeCloseTo(0.24, 12); // W at frame 12
    expect(timings[1].end).toBeCloseTo(0.36, 12); // D at frame 17
    expect(ctcWordTimings([], TOKENS, { frameSeconds: 0.02 })).toEqual([]);
    expect(() => ctcWordTimings(spans, TOKENS, { frameSeconds: 0 })).toThrow('frameSeconds must be positive, got 0');
  });
});

describe('LexiconTrie and WordNgramLm', () => {
  it('a trie holds whole words and their prefixes', () => {
    const t = LexiconTrie.fromWords(['HELLO', 'HELP', 'HELP', '']);
    expect([t.size, t.has('HELP'), t.has('HEL'), t.has('HELLO'), t.has('HELLOS')]).toEqual([
      2,
      true,
      false,
      true,
      false,
    ]);
  });

  it('add-k probabilities sum to 1 over the vocabulary for a seen and an unseen history', () => {
    const lm = WordNgramLm.fromSentences(['the cat sat', 'the dog sat down'], { order: 3, k: 0.5 });
    const vocabulary = [...lm.vocabulary, WordNgramLm.END, 'never-seen'];
    for (const history of [['the'], [], ['the', 'cat'], ['zebra', 'x']]) {
      const sum = vocabulary.reduce((s, w) => s + Math.exp(lm.logProb(w, history)), 0);
      expect(sum).toBeCloseTo(1, 10);
    }
    // bigram worked example: P(cat | the) = (1 + 0.5) / (2 + 0.5 · 7): 5 words + </s> + <unk>
    const bigram = WordNgramLm.fromSentences(['the cat sat', 'the dog sat down'], { k: 0.5 });
    expect(bigram.logProb('cat', ['the'])).toBeCloseTo(Math.log(1.5 / 5.5), 12);
  });
});
