/** The README's ```ts examples type-check against this package's current sources (see checkReadmeExamples). */
import * as path from 'path';
import { checkReadmeExamples } from '@dlkit/core/testing';

// Slow (~10-30 s): one TypeScript program over the README's examples and every source they import.
it('every TypeScript example in the README type-checks', () => {
  const { examples, errors } = checkReadmeExamples(path.join(__dirname, '..', 'README.md'));
  expect(examples).toBeGreaterThan(0);
  expect(errors).toEqual([]);
}, 120_000);
