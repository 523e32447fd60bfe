import * as fs from 'fs';
import * as path from 'path';

const LIBRARIES = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'onnxruntime-node', 'sharp', '@dlkit/core'];

/** Versions of the libraries dlkit runs on, read from their installed package.json files. */
export function versions(): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of LIBRARIES) {
    try {
      // Resolve the entry point, then walk up to the package root (some packages do not export ./package.json).
      let dir = path.dirname(require.resolve(name));
      while (
        !fs.existsSync(path.join(dir, 'package.json')) ||
        JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name
      ) {
        const up = path.dirname(dir);
        if (up === dir) throw new Error('not found');
        dir = up;
      }
      result[name] = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    } catch {
      result[name] = 'not installed';
    }
  }
  return result;
}
