/**
 * The Jest environment of every project (jest.preset.js): node, plus the host's typed arrays.
 *
 * Why: jest runs each spec in its own vm context, with its own Float32Array etc. onnxruntime-node's
 * native binding creates output arrays with the main context's constructors, and
 * onnxruntime-common then rejects them ("A float32 tensor's data must be type of function
 * Float32Array()") because `instanceof` fails across contexts. jest-environment-node already
 * shares ArrayBuffer and Uint8Array for the same reason; this shares every typed array.
 */
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OrtEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = OrtEnvironment;
