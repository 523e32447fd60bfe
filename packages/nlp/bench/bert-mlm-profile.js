// Where a masked-LM training step of the default BERT (BERT_TINY, vocabulary 8,000, batch 32 × 64
// tokens, 10 masked positions per sequence) spends its time on the wasm backend: forward, forward +
// backward, the whole step (Adam included), CPU and wall milliseconds, and the kernels by total
// time (tf.profile). Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/bert-mlm-profile.js [--steps N]
const tf = require('@tensorflow/tfjs');
const { initBackend } = require('@dlkit/core');
const { bertConfig, bertMlmTrainingModel, buildBertEncoder, maskedLmLoss, MlmHead } = require('@dlkit/nlp');

const STEPS = Number(process.argv[process.argv.indexOf('--steps') + 1]) || 3;

async function main() {
  await initBackend();
  const [V, B, T, M] = [8000, 32, 64, 10];
  const encoder = buildBertEncoder(bertConfig({ vocabSize: V }));
  const model = bertMlmTrainingModel(encoder, new MlmHead(encoder));
  const optimizer = tf.train.adam(1e-3);
  const x = [
    tf.randomUniform([B, T], 5, V, 'int32', 1),
    tf.ones([B, T], 'int32'),
    tf.zeros([B, T], 'int32'),
    tf.randomUniform([B, M], 1, T - 1, 'int32', 2),
  ];
  const y = tf.randomUniform([B, M], 5, V, 'int32', 3);
  const loss = () => maskedLmLoss(y, model.apply(x, { training: true }));
  const parts = {
    forward: () => tf.tidy(() => void loss().dataSync()),
    'forward+backward': () =>
      tf.tidy(() => void Object.values(tf.variableGrads(loss).grads).forEach((g) => g.dataSync())),
    'step (forward, backward, Adam)': () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss);
        optimizer.applyGradients(grads);
        value.dataSync();
      }),
  };
  const timing = {};
  for (const [name, f] of Object.entries(parts)) {
    f(); // warm-up
    const c = process.cpuUsage();
    const t = performance.now();
    for (let i = 0; i < STEPS; i++) f();
    const used = process.cpuUsage(c);
    timing[name] = { wallMs: (performance.now() - t) / STEPS, cpuMs: (used.user + used.system) / 1000 / STEPS };
  }
  const info = await tf.profile(() => parts['step (forward, backward, Adam)']());
  const kernels = {};
  for (const k of info.kernels) {
    kernels[k.name] ??= { ms: 0, calls: 0 };
    kernels[k.name].ms += k.kernelTimeMs;
    kernels[k.name].calls++;
  }
  const total = Object.values(kernels).reduce((s, k) => s + k.ms, 0);
  const top = Object.entries(kernels)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 10)
    .map(([name, k]) => ({
      name,
      ms: Math.round(k.ms),
      share: Math.round((k.ms / total) * 100) / 100,
      calls: k.calls,
    }));
  const tokensPerStep = B * T;
  const step = timing['step (forward, backward, Adam)'];
  console.log(
    JSON.stringify({
      timing,
      tokensPerSecWall: Math.round(tokensPerStep / (step.wallMs / 1000)),
      tokensPerCpuSecond: Math.round(tokensPerStep / (step.cpuMs / 1000)),
      kernelMs: Math.round(total),
      kernels: top,
    }),
  );
}
main();
