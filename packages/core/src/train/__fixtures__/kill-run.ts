/** Shared settings of the kill-and-resume test (parent spec and child process). */
export const killRunOptions = {
  examples: 600,
  dataSeed: 21,
  modelSeed: 5,
  trainer: {
    batchSize: 8,
    seed: 17,
    learningRate: 0.01,
    loss: 'categoricalCrossentropy' as const,
    validationSplit: 0.1,
    progress: false,
  },
};
