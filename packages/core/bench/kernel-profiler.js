/**
 * Per-kernel wall-time profiler for the wasm backend: wraps every registered kernel function in
 * place and records *exclusive* time (a dlkit kernel that runs other kernels is charged only for
 * its own work, its children are charged to themselves). Plain JS, no build needed.
 */
const tf = require('@tensorflow/tfjs');

function installKernelProfiler(backendName = 'wasm', { byShape = false } = {}) {
  const stats = new Map(); // name -> { calls, ms }
  const stack = []; // child time accumulated per open kernel
  const restore = [];
  let enabled = false;
  for (const config of tf.getKernelsForBackend(backendName)) {
    const original = config.kernelFunc;
    config.kernelFunc = (args) => {
      if (!enabled) return original(args);
      const name = byShape
        ? `${config.kernelName} ${Object.values(args.inputs)
            .map((t) => (t ? `[${t.shape}]` : '-'))
            .join(' ')}`
        : config.kernelName;
      stack.push(0);
      const t0 = process.hrtime.bigint();
      try {
        return original(args);
      } finally {
        const total = Number(process.hrtime.bigint() - t0) / 1e6;
        const child = stack.pop();
        if (stack.length) stack[stack.length - 1] += total;
        const s = stats.get(name) ?? { calls: 0, ms: 0 };
        s.calls++;
        s.ms += total - child;
        stats.set(name, s);
      }
    };
    restore.push(() => (config.kernelFunc = original));
  }
  return {
    start() {
      stats.clear();
      enabled = true;
    },
    stop() {
      enabled = false;
    },
    /** Rows sorted by exclusive time, per step when `steps` is given. */
    report(steps = 1) {
      return [...stats.entries()]
        .map(([name, s]) => ({ kernel: name, calls: s.calls / steps, ms: s.ms / steps }))
        .sort((a, b) => b.ms - a.ms);
    },
    uninstall() {
      restore.forEach((f) => f());
    },
  };
}

function printProfile(rows, total) {
  const sum = rows.reduce((p, r) => p + r.ms, 0);
  console.log(`  ${'kernel'.padEnd(34)} ${'calls'.padStart(6)} ${'ms/step'.padStart(8)} ${'share'.padStart(6)}`);
  for (const r of rows.slice(0, 25)) {
    console.log(
      `  ${r.kernel.slice(0, 60).padEnd(34)} ${r.calls.toFixed(0).padStart(6)} ${r.ms.toFixed(2).padStart(8)} ${((100 * r.ms) / total).toFixed(1).padStart(5)}%`,
    );
  }
  console.log(
    `  ${'(all kernels)'.padEnd(34)} ${''.padStart(6)} ${sum.toFixed(2).padStart(8)} ${((100 * sum) / total).toFixed(1).padStart(5)}%  of ${total.toFixed(2)} ms/step`,
  );
}

module.exports = { installKernelProfiler, printProfile };
