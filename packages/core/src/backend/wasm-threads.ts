/**
 * Multithreaded tfjs-backend-wasm in Node, which tfjs 4.22 does not support out of the box.
 *
 * What stands in the way (measured here, Node 20):
 * 1. `WASM_HAS_MULTITHREAD_SUPPORT` is hard-wired to false in Node (tfjs issue 3830).
 * 2. Forcing it true makes init fail with ERR_WORKER_PATH: emscripten creates each pthread Worker
 *    from `locateFile('...worker.js')`, which tfjs answers with a `blob:` URL, and Node's Worker
 *    accepts only file paths. And the worker then loads the main script from a posted Blob
 *    through `URL.createObjectURL` + `importScripts`, which in Node reads a *file*.
 * 3. The C++ side caps the XNNPACK pool at `emscripten_num_logical_cores() / 2`
 *    (backend.cc, init_with_threads_count), i.e. 1 thread on a 2-core machine whatever
 *    `setThreadsCount` asks for.
 *
 * Workaround, used only when asked for (`initBackend({ threads: n })` with n > 1):
 * - write tfjs's own worker script (shipped as a string in wasm-out/...worker.js) to a temp file,
 *   with a few lines appended that make its `importScripts` of the posted Blob `require` the
 *   shipped threaded-simd glue instead;
 * - answer `URL.createObjectURL` with that file's path for exactly that one Blob (same size and
 *   type as tfjs's worker blob), everything else goes to the real `URL.createObjectURL`;
 * - report 2n logical cores from `os.cpus()` while the module initialises, so the cap allows n;
 * - unref the pthread workers afterwards, or they keep the Node process alive forever.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
// The real module object: emscripten calls require('os').cpus(), which a namespace import could not patch.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mutable module object (see above)
import os = require('os');

/** What `prepareWasmThreads` changed; call `afterInit()` once `tf.setBackend('wasm')` settled. */
export interface WasmThreadsSetup {
  afterInit(): void;
}

interface NodeWorker {
  unref(): void;
}
/** The part of emscripten's pthread runtime that tfjs's wasm module exposes. */
interface EmscriptenPThread {
  unusedWorkers: NodeWorker[];
  runningWorkers: NodeWorker[];
}

const MAIN_SCRIPT_TOKEN = '__dlkit_tfjs_wasm_threaded_simd_main__';
let workerFile: string | undefined;

/** Prepares tfjs-backend-wasm to start with `threads` XNNPACK threads. Call before `tf.setBackend('wasm')`. */
export function prepareWasmThreads(threads: number): WasmThreadsSetup {
  if (!Number.isInteger(threads) || threads < 2) throw new Error(`threads must be an integer >= 2, got ${threads}`);
  const wasmOut = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');
  const mainScript = path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  // tfjs escapes the newlines of the worker source before wrapping it in a Blob; so do we.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file inside tfjs-backend-wasm, loaded by path
  const { wasmWorkerContents } = require(path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js')) as {
    wasmWorkerContents: string;
  };
  const workerSource = wasmWorkerContents.replace(/\n/g, '\\n');
  if (!workerFile) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-wasm-'));
    workerFile = path.join(dir, 'tfjs-backend-wasm-threaded-simd.worker.js');
    // Runs inside each worker after tfjs's code: the posted main-script Blob becomes a require().
    const shim = `;(function () {
  var loadScript = global.importScripts;
  global.importScripts = function (f) {
    if (f === ${JSON.stringify(MAIN_SCRIPT_TOKEN)}) { global.WasmBackendModuleThreadedSimd = require(${JSON.stringify(mainScript)}); return; }
    return loadScript(f);
  };
  URL.createObjectURL = function () { return ${JSON.stringify(MAIN_SCRIPT_TOKEN)}; };
  URL.revokeObjectURL = function () {};
})();\n`;
    fs.writeFileSync(workerFile, workerSource + shim);
    const file = workerFile;
    process.once('exit', () => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const workerBlobSize = Buffer.byteLength(workerSource);
    const createObjectURL = URL.createObjectURL.bind(URL);
    // Emscripten asks for the worker URL again whenever its pool grows, so this stays in place.
    URL.createObjectURL = (obj: Blob) =>
      obj instanceof Blob && obj.size === workerBlobSize && obj.type === 'application/javascript'
        ? file
        : createObjectURL(obj);
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  setThreadsCount(threads);
  const cpus = os.cpus;
  const fakeCpus = (): os.CpuInfo[] => {
    const real = cpus();
    return Array.from({ length: Math.max(real.length, 2 * threads) }, (_, i) => real[i % real.length]!);
  };
  os.cpus = fakeCpus;
  return {
    afterInit() {
      os.cpus = cpus;
      // XNNPACK's pool threads run for the life of the module and would keep Node from exiting
      // (measured: the process hangs after its last line); unref them like emscripten does for
      // idle workers.
      const backend = tf.findBackend('wasm') as unknown as { wasm?: { PThread?: EmscriptenPThread } } | null;
      const pthread = backend?.wasm?.PThread;
      [...(pthread?.unusedWorkers ?? []), ...(pthread?.runningWorkers ?? [])].forEach((w) => w.unref());
    },
  };
}
