import { stripUndefined } from './options';

test('stripUndefined drops undefined keys so spread defaults survive, and keeps null, 0 and false', () => {
  const defaults = { epochs: 10, seed: 1, augment: true, label: 'x' as string | null };
  const merged = { ...defaults, ...stripUndefined({ epochs: undefined, seed: 0, augment: false, label: null }) };
  expect(merged).toEqual({ epochs: 10, seed: 0, augment: false, label: null });
});
