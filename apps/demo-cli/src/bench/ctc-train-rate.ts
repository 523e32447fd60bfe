/**
 * The dlkit side of the bench row ctc-train: CTC training steps of the speech model of
 * `dlkit speech train` (audio's buildSpeechModel with its defaults: in-graph log-mel, strided
 * Conv1D, 2 bidirectional GRUs of 64 units, 30 characters) through core's Trainer, on batches of
 * 16 clips of 1.5 s (the mean generated sentence) with real sentences as labels; measured as
 * seconds of audio per second of training. bench/ctc_train.py is the same model in PyTorch.
 * The profile splits one step: the log-mel front end (forward only: it has no weights), the whole
 * forward pass, the CTC loss (forward-backward in JavaScript), and the rest (backward + Adam).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, Trainer } from '@dlkit/core';
import {
  allSentences,
  buildSpeechModel,
  ctcTrainingLoss,
  SPEECH_TOKENS,
  SpeechDataset,
  TRAIN_SPEECH_DEFAULTS,
} from '@dlkit/audio';
import { benchTimer } from './bench-timer';

const WARMUP_BATCHES = 2;
export const CTC_BENCH = { batchSize: 16, seconds: 1.5, sampleRate: 16000, clips: 64 } as const;

function timeMs(fn: () => void, repeats = 3): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) fn();
  return (performance.now() - start) / repeats;
}

export async function ctcTrainRate(seconds: number): Promise<Record<string, number | string>> {
  const info = await initBackend();
  const { batchSize, sampleRate, clips } = CTC_BENCH;
  const n = Math.round(CTC_BENCH.seconds * sampleRate);
  const sentences = allSentences();
  const data = new SpeechDataset({
    clips: Array.from({ length: clips }, (_, i) =>
      tf.tidy(() => tf.randomNormal([n], 0, 0.1, 'float32', i).dataSync() as Float32Array),
    ),
    texts: Array.from({ length: clips }, (_, i) => sentences[(i * 7919) % sentences.length]),
    sources: [],
  });
  const units = TRAIN_SPEECH_DEFAULTS.units;
  const model = buildSpeechModel({ vocab: SPEECH_TOKENS.length, units, filters: units });
  const timer = benchTimer(WARMUP_BATCHES, seconds);
  const trainer = new Trainer(model, {
    epochs: 1000,
    batchSize,
    seed: 1,
    loss: ctcTrainingLoss,
    metrics: [],
    progress: false,
    callbacks: [timer.callback],
  });
  try {
    await trainer.fit(data);
    const stepMs = (1000 * timer.elapsed) / Math.max(1, timer.steps);
    const batch = data.batch(Array.from({ length: batchSize }, (_, i) => i));
    const front = model.getLayer('log_mel');
    const frontMs = timeMs(() => tf.tidy(() => (front.apply(batch.x) as tf.Tensor).dataSync()));
    const forwardMs = timeMs(() => tf.tidy(() => (model.apply(batch.x, { training: true }) as tf.Tensor).dataSync()));
    const logits = tf.tidy(() => model.apply(batch.x) as tf.Tensor);
    const lossMs = timeMs(() =>
      tf.tidy(() =>
        tf
          .grad((l: tf.Tensor) => ctcTrainingLoss(batch.y, l))(logits)
          .dataSync(),
      ),
    );
    tf.dispose([batch.x, batch.y, logits]);
    return {
      audioSecondsPerSec: (timer.samples * CTC_BENCH.seconds) / timer.elapsed,
      samplesPerSec: timer.samples / timer.elapsed,
      stepMs,
      frontEndMs: frontMs,
      forwardMs,
      ctcLossMs: lossMs,
      backwardAndUpdateMs: stepMs - forwardMs - lossMs,
      backend: info.backend,
    };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}
