// Child process for checkpoint.spec.ts: trains the tiny classifier with a Checkpoint callback
// until the parent SIGKILLs it. Loads dlkit's TypeScript sources through a transpile-only
// require hook (the same transform ts-jest applies in isolated-module mode), so no build is needed.
// Usage: node killChild.js <checkpointDir> <epochs> <pauseEpoch> <pauseBatch>
// At the end of batch <pauseBatch> of epoch <pauseEpoch> (both 0-based; the checkpoints of the
// epochs before it are on disk by then) it prints `paused` and waits, so the parent kills it at a
// known point, mid-epoch, instead of racing it.
'use strict';
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

const { initBackend } = require('../../backend/init');
const { blobs, tinyClassifier } = require('./tiny');
const { Trainer } = require('../trainer');
const { Checkpoint } = require('../checkpoint');
const { killRunOptions } = require('./kill-run');

async function main() {
  const [dir, epochs, pauseEpoch, pauseBatch] = [
    process.argv[2],
    Number(process.argv[3]),
    Number(process.argv[4]),
    Number(process.argv[5]),
  ];
  const pause = {
    name: 'pauseForKill',
    onBatchEnd: (batch, _logs, ctx) => {
      if (ctx.completedEpochs !== pauseEpoch || batch !== pauseBatch) return undefined;
      process.stdout.write('paused\n');
      return new Promise(() => setInterval(() => {}, 1000)); // keeps the process alive until killed
    },
  };
  await initBackend({ warn: () => {} });
  const { x, y } = blobs(killRunOptions.examples, killRunOptions.dataSeed);
  const model = tinyClassifier(killRunOptions.modelSeed);
  const trainer = new Trainer(model, {
    ...killRunOptions.trainer,
    epochs,
    callbacks: [new Checkpoint({ dir }), pause],
    onEpochEnd: (logs) => process.stdout.write(`epoch ${logs.epoch}\n`),
  });
  await trainer.fit({ x, y });
  process.stdout.write('done\n');
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
