import { isValidBio } from './bio';
import { bioTransitionAllowed, viterbiBioTags } from './bio-viterbi';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];

/** Brute force over every tag sequence: the valid one with the largest product of probabilities. */
function bruteForce(p: number[][]): string[] {
  let best: string[] = [];
  let bestScore = -Infinity;
  const visit = (prefix: number[]) => {
    if (prefix.length === p.length) {
      const tags = prefix.map((i) => LABELS[i]);
      const score = prefix.reduce((s, i, t) => s + Math.log(p[t][i]), 0);
      if (isValidBio(tags) && score > bestScore) [best, bestScore] = [tags, score];
      return;
    }
    LABELS.forEach((_, i) => visit([...prefix, i]));
  };
  visit([]);
  return best;
}

describe('viterbiBioTags', () => {
  test('transitions: I-X only after B-X or I-X, never first', () => {
    expect(bioTransitionAllowed(undefined, 'I-PER')).toBe(false);
    expect(bioTransitionAllowed('O', 'I-PER')).toBe(false);
    expect(bioTransitionAllowed('B-LOC', 'I-PER')).toBe(false);
    expect(bioTransitionAllowed('B-PER', 'I-PER')).toBe(true);
    expect(bioTransitionAllowed('I-PER', 'I-PER')).toBe(true);
    expect(bioTransitionAllowed('O', 'B-PER')).toBe(true);
    expect(bioTransitionAllowed(undefined, 'O')).toBe(true);
  });
  test('repairs what argmax breaks: I-PER first becomes B-PER', () => {
    // argmax: I-PER I-PER (invalid); best valid: B-PER (0.3) I-PER (0.9) beats O (0.1) B-PER (0.05)
    const p = [
      [0.1, 0.3, 0.6, 0, 0],
      [0.05, 0.05, 0.9, 0, 0],
    ];
    expect(viterbiBioTags(p, LABELS)).toEqual(['B-PER', 'I-PER']);
  });
  test('equals brute force over every valid sequence on random probabilities', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 30; trial++) {
      const p = Array.from({ length: 1 + (trial % 5) }, () => {
        const row = LABELS.map(() => rand() + 1e-3);
        const sum = row.reduce((a, b) => a + b);
        return row.map((x) => x / sum);
      });
      const tags = viterbiBioTags(p, LABELS);
      expect(isValidBio(tags)).toBe(true);
      expect(tags).toEqual(bruteForce(p));
    }
  });
  test('an already valid argmax is kept; empty input; a wrong row length is an error', () => {
    expect(
      viterbiBioTags(
        [
          [0.9, 0.05, 0, 0.05, 0],
          [0.1, 0.8, 0.05, 0.05, 0],
        ],
        LABELS,
      ),
    ).toEqual(['O', 'B-PER']);
    expect(viterbiBioTags([], LABELS)).toEqual([]);
    expect(() => viterbiBioTags([[1, 0]], LABELS)).toThrow(/word 0 has 2 probabilities for 5 labels/);
  });
});
