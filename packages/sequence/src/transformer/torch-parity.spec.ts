/**
 * The oracle: PyTorch's nn.MultiheadAttention, nn.TransformerEncoderLayer and
 * nn.TransformerDecoderLayer on seeded weights (float64 on float32 inputs and weights, fixtures
 * written by scripts/transformer-fixtures.py), loaded into the tfjs layers through the
 * state_dict mapping of torch-weights.ts and run on the project's default backend.
 */
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { FixtureName, runTorchCase, torchCases } from './__fixtures__/torch-fixture';

/** The bound: max |tfjs − PyTorch| ≤ 1e-5. */
const TOLERANCE = 1e-5;

beforeAll(() => initBackend());

describe.each<FixtureName>(['multi-head-attention', 'encoder-layer', 'decoder-layer'])(
  '%s equals PyTorch',
  (fixture) => {
    it.each(torchCases(fixture).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const errors = runTorchCase(fixture, c);
      for (const [output, error] of Object.entries(errors))
        expect([output, error]).toEqual([output, expect.any(Number)]);
      expect(Math.max(...Object.values(errors))).toBeLessThanOrEqual(TOLERANCE);
      await expectNoLeak(() => runTorchCase(fixture, c), 1);
    });
  },
);
