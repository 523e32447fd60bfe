/**
 * The dlkit side of the bench row bert-mlm-train: masked-LM training steps of BERT_TINY
 * (vocabulary 8,000, hidden 128, 2 layers, 4 heads) through core's Trainer, as `dlkit mlm train`
 * runs them, on random batches of 32 × 64 token ids with 10 masked positions per sequence (15 %);
 * bench/bert_mlm.py is the same model in PyTorch.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, Trainer } from '@dlkit/core';
import { benchTimer } from './bench-timer';
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
  const timer = benchTimer(WARMUP_BATCHES, seconds);
  const trainer = new Trainer(model, {
    epochs: 1000,
    batchSize,
    seed: 1,
    shuffle: false,
    loss: { fn: maskedLmLoss, kind: 'regression' },
    progress: false,
    callbacks: [timer.callback],
  });
  try {
    await trainer.fit({ x, y });
  } finally {
    trainer.dispose();
    tf.dispose([...x, y]);
  }
  return {
    samplesPerSec: timer.samples / timer.elapsed,
    tokensPerSec: (timer.samples * length) / timer.elapsed,
    cpuSeconds: timer.cpuSeconds(),
    backend: info.backend,
  };
}
