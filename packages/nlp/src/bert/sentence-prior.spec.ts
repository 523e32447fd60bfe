import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { bestAnswerSpan } from './answer-span';
import { sentencePrior } from './sentence-prior';

const tokenizer = tinyWordPiece(['what', 'is', 'the', 'capital', 'of', 'peru', 'chad', 'lima', 'ndjamena', '?', '.']);
const question = 'What is the capital of Peru?';
const context = 'The capital of Chad is Ndjamena. The capital of Peru is Lima.';
// [CLS] what is the capital of peru ? [SEP] the capital of chad is ndjamena . the capital of peru is lima . [SEP]
const e = tokenizer.encodePair(question, context);

describe('sentencePrior', () => {
  it("gives each context token weight × its sentence's shared question words, 0 elsewhere", () => {
    expect(e.tokens[14]).toBe('ndjamena');
    expect(e.tokens[21]).toBe('lima');
    const prior = sentencePrior(e, context, question, 2);
    // "the capital of chad is" shares the, capital, of, is (4); "the capital of peru is lima" also peru (5)
    expect(prior.slice(9, 16)).toEqual(new Array(7).fill(8));
    expect(prior.slice(16, 23)).toEqual(new Array(7).fill(10));
    expect(prior.slice(0, 9)).toEqual(new Array(9).fill(0)); // the question and [CLS]/[SEP]
    expect(prior[23]).toBe(0);
    expect(sentencePrior(e, context, question, 0).every((x) => x === 0)).toBe(true);
  });

  it("tips the reader towards the question's sentence; the reported probability stays the reader's", () => {
    const start = new Array(e.ids.length).fill(0);
    const end = new Array(e.ids.length).fill(0);
    start[14] = 3; // the reader prefers the distractor's "Ndjamena" ...
    end[14] = 3;
    start[21] = 2.8; // ... over "Lima"
    end[21] = 2.8;
    const alone = bestAnswerSpan(start, end, e, { oneSentence: true });
    expect(alone.startToken).toBe(14);
    const withPrior = bestAnswerSpan(start, end, e, {
      oneSentence: true,
      tokenPrior: sentencePrior(e, context, question, 1),
    });
    expect([withPrior.startToken, withPrior.endToken]).toEqual([21, 21]);
    // exp(1) for the one more shared word beats exp(2 × 0.2), the reader's lead: ranked by p·p·exp(prior)
    expect(withPrior.score).toBeCloseTo(withPrior.probability * Math.exp(5), 6);
    expect(withPrior.probability).toBeLessThan(alone.probability);
  });
});
