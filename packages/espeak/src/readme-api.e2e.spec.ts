/** The README's "Public API" table lists exactly what src/index.ts exports (see checkReadmeApiTable). */
import * as path from 'path';
import { checkReadmeApiTable } from '@dlkit/core/testing';

it('the README API table lists exactly the names src/index.ts exports', () => {
  // builds a TypeScript program over the package's sources to list the exports: a few seconds
  const { missing, extra } = checkReadmeApiTable(
    path.join(__dirname, '..', 'README.md'),
    path.join(__dirname, 'index.ts'),
  );
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
}, 60000);
