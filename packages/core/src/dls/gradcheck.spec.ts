// Acceptance test of `dlkit dls gradcheck`: every layer kind's backward agrees with numeric gradients.
import { initBackend } from '../backend/init';
import { GRADCHECK_THRESHOLD } from '../scratch/gradientCheck';
import { runGradcheck } from './gradcheck';
import { assertDlsResult } from './validate';

beforeAll(async () => {
  await initBackend();
});

describe('dls gradcheck', () => {
  it('reports a relative difference under the justified threshold for every layer kind', async () => {
    const result = await runGradcheck();
    expect(() => assertDlsResult(result, 'gradcheck', { accuracy: false })).not.toThrow();
    const layers = Object.keys(result.results);
    for (const kind of ['dense', 'relu', 'leakyRelu', 'sigmoid', 'tanh', 'softmax', 'batchNorm', 'binaryCrossEntropy']) {
      expect(layers).toContain(kind);
    }
    expect(layers.some((l) => l.startsWith('conv2d'))).toBe(true);
    expect(layers.some((l) => l.startsWith('dropout'))).toBe(true);
    expect(layers.some((l) => l.startsWith('maxPool2d'))).toBe(true);
    for (const [layer, row] of Object.entries(result.results)) {
      expect({ layer, threshold: row.threshold }).toEqual({ layer, threshold: GRADCHECK_THRESHOLD });
      expect({ layer, ok: row.relativeDifference < row.threshold && row.passed }).toEqual({ layer, ok: true });
      expect(Number.isFinite(row.relativeDifference)).toBe(true);
    }
    expect(result.allPassed).toBe(true);
  });
});
