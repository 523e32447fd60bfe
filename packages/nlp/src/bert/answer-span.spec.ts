import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { answerCharSpan, answerOffsets, bestAnswerSpan, contextTokens, sentenceEnds } from './answer-span';

const tokenizer = tinyWordPiece(['who', 'wrote', 'it', '?', 'ada', 'love', '##lace', 'wrote', 'notes', '.']);
const question = 'Who wrote it?';
const context = 'Ada Lovelace wrote notes.';
const e = tokenizer.encodePair(question, context); // [CLS] who wrote it ? [SEP] ada love ##lace wrote notes . [SEP]

describe('answer spans', () => {
  it('picks the best context span by p(start) · p(end) and maps it to characters of the context', () => {
    expect(contextTokens(e)).toEqual([6, 7, 8, 9, 10, 11]);
    const start = new Array(e.ids.length).fill(0);
    const end = new Array(e.ids.length).fill(0);
    start[1] = 50; // inside the question: never an answer
    end[1] = 50;
    start[6] = 5; // ada
    end[8] = 5; // ##lace
    end[6] = 4;
    const span = bestAnswerSpan(start, end, e);
    expect([span.startToken, span.endToken]).toEqual([6, 8]);
    const { start: s, end: t } = answerCharSpan(e, span);
    expect(context.slice(s, t)).toBe('Ada Lovelace');
    // an end before the start is never chosen
    const late = new Array(e.ids.length).fill(0);
    late[10] = 9;
    const early = new Array(e.ids.length).fill(0);
    early[7] = 9;
    const r = bestAnswerSpan(late, early, e);
    expect(r.endToken).toBeGreaterThanOrEqual(r.startToken);
  });

  it('clsInSoftmax: [CLS] shares the softmax, so a "not here" window scores low; its best span stays', () => {
    const start = new Array(e.ids.length).fill(0);
    const end = new Array(e.ids.length).fill(0);
    start[6] = 2; // ada
    end[8] = 2; // ##lace
    const alone = bestAnswerSpan(start, end, e);
    // context only: p(start=6) = e² / (e² + 5) over the 6 context tokens
    expect(alone.probability).toBeCloseTo((Math.exp(2) / (Math.exp(2) + 5)) ** 2, 6);
    start[0] = 6; // [CLS]: the model says the answer is not in this window
    end[0] = 6;
    expect(bestAnswerSpan(start, end, e)).toEqual(alone); // [CLS] is outside the default softmax
    const withCls = bestAnswerSpan(start, end, e, { clsInSoftmax: true });
    expect([withCls.startToken, withCls.endToken]).toEqual([6, 8]); // never [CLS] itself
    expect(withCls.probability).toBeCloseTo((Math.exp(2) / (Math.exp(6) + Math.exp(2) + 5)) ** 2, 6);
    expect(withCls.probability).toBeLessThan(alone.probability / 50);
  });

  it('wholeWords: no answer starts on a ## piece or ends right before one', () => {
    // tokens 6 ada, 7 love, 8 ##lace: the best raw span is "lace" (start 8) or "Ada Love" (end 7)
    const start = new Array(e.ids.length).fill(0);
    const end = new Array(e.ids.length).fill(0);
    start[8] = 9;
    end[8] = 9;
    expect(bestAnswerSpan(start, end, e)).toMatchObject({ startToken: 8, endToken: 8 }); // transformers.js's rule
    const whole = bestAnswerSpan(start, end, e, { wholeWords: true });
    expect(whole.startToken === 8 || whole.endToken === 7).toBe(false);
    const { start: s, end: t } = answerCharSpan(e, whole);
    expect(
      context
        .slice(s, t)
        .split(' ')
        .every((w) => context.split(/[ .]/).includes(w)),
    ).toBe(true);
  });

  it('oneSentence: no answer runs across a full stop; "St." is not a sentence end', () => {
    const t = tinyWordPiece(['who', '?', 'ada', 'wrote', 'notes', '.', 'st', 'louis', 'it']);
    const c = 'Ada wrote notes. St. Louis wrote it.';
    const pair = t.encodePair('Who?', c); // [CLS] who ? [SEP] ada wrote notes . st . louis wrote it . [SEP]
    expect(pair.tokens.slice(4, 14)).toEqual(['ada', 'wrote', 'notes', '.', 'st', '.', 'louis', 'wrote', 'it', '.']);
    expect([...sentenceEnds(pair)]).toEqual([7]); // "notes." only: "St." is 2 letters, the last stop ends the text
    const start = new Array(pair.ids.length).fill(0);
    const end = new Array(pair.ids.length).fill(0);
    start[6] = 9; // notes
    end[10] = 9; // louis
    end[6] = 4;
    expect(bestAnswerSpan(start, end, pair)).toMatchObject({ startToken: 6, endToken: 10 }); // "notes. St. Louis"
    expect(bestAnswerSpan(start, end, pair, { oneSentence: true })).toMatchObject({ startToken: 6, endToken: 6 });
    // "St. Louis wrote it" is one sentence
    start[8] = 20;
    expect(bestAnswerSpan(start, end, pair, { oneSentence: true })).toMatchObject({ startToken: 8, endToken: 10 });
  });

  it('oneSentence: a word split into short pieces still ends a sentence; "U.S." does not', () => {
    const t = tinyWordPiece(['who', '?', 'ada', 'paid', 'flor', '##in', '.', 'u', 's', 'it']);
    const pair = t.encodePair('Who?', 'Ada paid florin. U.S. paid it.');
    // [CLS] who ? [SEP] ada paid flor ##in . u . s . paid it . [SEP]
    expect(pair.tokens.slice(4, 16)).toEqual([
      'ada',
      'paid',
      'flor',
      '##in',
      '.',
      'u',
      '.',
      's',
      '.',
      'paid',
      'it',
      '.',
    ]);
    expect([...sentenceEnds(pair)]).toEqual([8]); // after "florin" (the last piece "##in" alone is 2 letters)
  });

  it("finds the pipeline's decoded answer in the context", () => {
    expect(answerOffsets(tokenizer, context, 'ada lovelace')).toEqual({ start: 0, end: 12, text: 'Ada Lovelace' });
    expect(answerOffsets(tokenizer, context, 'notes')).toEqual({ start: 19, end: 24, text: 'notes' });
    expect(answerOffsets(tokenizer, context, 'babbage')).toBeUndefined();
  });
});
