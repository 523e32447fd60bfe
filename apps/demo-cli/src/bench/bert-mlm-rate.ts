/**
 * The dlkit side of the bench row bert-mlm-train: masked-LM training steps of BERT_TINY
 * (vocabulary 8,000, hidden 128, 2 layers, 4 heads) through core's Trainer, as `dlkit mlm train`
 * runs them, on random batches of 32 × 64 token ids with 10 masked positions per sequence (15 %);
 * bench/bert_mlm.py is the same model in PyTorch.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, Trainer } from '@dlkit/core';
import { bertConfig, bertMlmTrainingModel, buildBertEncoder, maskedLmLoss, MlmHead } from '@dlkit/nlp';

const WARMUP_BATCHES = 3;
export const BERT_BENCH = { vocabSize: 8000, batchSize: 32, length: 64, masked: 10, batches: 40 } as const;

export async function bertMlmTrainRate(seconds: number): Promise<Record<string, number | string>> {
  const info = await initBackend();
  const { vocabSize, batchSize, length, masked, batches } = BERT_BENCH;
  const m = batchSize * batches;
  const x = [
    tf.randomUniform([m, length], 5, vocabSize, 'int32', 1),
    tf.ones([m, length], 'int32'),
    tf.zeros([m, length], 'int32'),
    tf.randomUniform([m, masked], 1, length - 1, 'int32', 2),
  ];
  const y = tf.randomUniform([m, masked], 5, vocabSize, 'int32', 3);
  const encoder = buildBertEncoder(bertConfig({ vocabSize }));
  const model = bertMlmTrainingModel(encoder, new MlmHead(encoder));
  let steps = 0;
  let start = 0;
  let elapsed = 0;
  let cpu = process.cpuUsage();
  const timer = {
    name: 'benchTimer',
    onBatchEnd: (batch: number, _logs: unknown, ctx: { stopTraining: boolean }) => {
      if (start === 0 && batch + 1 === WARMUP_BATCHES) {
        start = performance.now();
        cpu = process.cpuUsage();
        return;
      }
      if (start === 0) return;
      steps++;
      elapsed = (performance.now() - start) / 1000;
      if (elapsed > seconds) ctx.stopTraining = true;
    },
  };
  const trainer = new Trainer(model, {
    epochs: 1000,
    batchSize,
    seed: 1,
    shuffle: false,
    loss: { fn: maskedLmLoss, kind: 'regression' },
    progress: false,
    callbacks: [timer],
  });
  try {
    await trainer.fit({ x, y });
  } finally {
    trainer.dispose();
    tf.dispose([...x, y]);
  }
  const used = process.cpuUsage(cpu);
  return {
    samplesPerSec: (steps * batchSize) / elapsed,
    tokensPerSec: (steps * batchSize * length) / elapsed,
    cpuSeconds: (used.user + used.system) / 1e6,
    backend: info.backend,
  };
}
