import { allSentences, SPEECH_NAMES, speechWords, splitSentences } from './speech-text';
import { normalizeTranscript, SPEECH_TOKENS, speechIds, speechText } from './speech-vocab';

describe('speech text', () => {
  it('has ~100 names, ~50 other words, and double letters', () => {
    expect(SPEECH_NAMES).toHaveLength(100);
    expect(new Set(SPEECH_NAMES).size).toBe(100);
    const words = speechWords();
    const others = words.filter((w) => !SPEECH_NAMES.includes(w));
    expect(others.length).toBeGreaterThanOrEqual(45);
    expect(others.length).toBeLessThanOrEqual(70);
    for (const w of ['anna', 'call', 'three', 'coffee', 'hello']) expect(words).toContain(w);
    expect(allSentences()).toContain('call anna at seven');
    expect(allSentences()).toContain('stop the music');
  });

  it('splits into disjoint sets whose held-out sentences are new combinations of training words', () => {
    const split = splitSentences({ seed: 3, train: 1500, validation: 50, test: 200 });
    expect(split.train).toHaveLength(1500);
    expect(split.test).toHaveLength(200);
    const train = new Set(split.train);
    const trainWords = new Set(split.train.flatMap((s) => s.split(' ')));
    for (const s of [...split.validation, ...split.test]) {
      expect(train.has(s)).toBe(false);
      for (const w of s.split(' ')) expect(trainWords.has(w)).toBe(true);
    }
    expect(new Set(split.test).size).toBe(200);
    expect(split.test.filter((s) => split.validation.includes(s))).toEqual([]);
    expect(splitSentences({ seed: 3, train: 1500, validation: 50, test: 200 })).toEqual(split);
    expect(splitSentences({ seed: 4, train: 1500, validation: 50, test: 200 }).test).not.toEqual(split.test);
  });

  it('maps text to CTC labels and back (blank 0, "|" between words)', () => {
    const ids = speechIds('call anna');
    expect(ids.map((i) => SPEECH_TOKENS[i]).join('')).toBe('call|anna');
    expect(ids).not.toContain(0);
    expect(speechText([0, ...ids, 0, 2])).toBe('call anna');
    expect(normalizeTranscript('  Call ANNA, at 7!')).toBe('call anna at');
    expect(() => normalizeTranscript('123', 'row 4')).toThrow('row 4: no letters in "123"');
  });
});
