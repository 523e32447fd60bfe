import { DLS_EXPERIMENTS } from './index';

describe('DLS_EXPERIMENTS table', () => {
  it('has one row per experiment, keyed by its name, each with a description and a default seed', () => {
    expect(Object.keys(DLS_EXPERIMENTS)).toEqual(['planar', 'init', 'regularization', 'optimization', 'gradcheck']);
    for (const [key, e] of Object.entries(DLS_EXPERIMENTS)) {
      expect(e.name).toBe(key);
      expect(e.description.length).toBeGreaterThan(10);
      expect(Number.isInteger(e.defaultSeed)).toBe(true);
      expect(typeof e.run).toBe('function');
      expect(e.accuracy).toBe(key !== 'gradcheck');
    }
  });
});
