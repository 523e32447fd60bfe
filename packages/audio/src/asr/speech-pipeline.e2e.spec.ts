/**
 * Train → export → serve: a tiny speech model overfitted (seeded) on one clip whose transcript has
 * double letters ("hello anna"), exported as a wav2vec2-CTC folder, then served by transformers.js's
 * ASR pipeline (same transcript as the tfjs model decoded greedily), by SpeechTranscriber (greedy
 * through transformers.js, and beam through onnxruntime-node; windows over a longer file; word
 * times), plus the pad-in-added_tokens behaviour that the export avoids ("hello" → "helo").
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, Trainer } from '@dlkit/core';
import { transformersOffline } from '@dlkit/sequence';
import { writeWav } from '../io/write-wav';
import { resample } from '../resample/resample';
import { ctcTrainingLoss, SpeechDataset } from './speech-dataset';
import { greedyTranscript, speechLogProbs } from './speech-eval';
import { loadSpeechFolder } from './speech-folder';
import { readCtcFolder, writeSpeechHfFolder } from './speech-hf-folder';
import { buildSpeechModel } from './speech-model';
import { SpeechTranscriber } from './speech-transcriber';
import { SPEECH_TOKENS } from './speech-vocab';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-asr-e2e-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** 0.8 s of tones changing every 100 ms (something a tiny model can memorise). */
const clip = Float32Array.from({ length: 12800 }, (_, i) => {
  const f = 200 + 100 * Math.floor(i / 1600);
  return 0.3 * Math.sin((2 * Math.PI * f * i) / 16000);
});
const hfDir = path.join(tmp, 'hf');
let tfjsText = '';

type Asr = (audio: Float32Array) => Promise<{ text: string }>;
async function asrPipeline(dir: string): Promise<Asr & { dispose(): Promise<void> }> {
  const t = await transformersOffline();
  return (await t.pipeline('automatic-speech-recognition', dir, { dtype: 'fp32' })) as unknown as Asr & {
    dispose(): Promise<void>;
  };
}

beforeAll(async () => {
  await initBackend();
  const model = buildSpeechModel({ vocab: SPEECH_TOKENS.length, units: 16, filters: 16, nMels: 16, layers: 1 });
  const data = new SpeechDataset({ clips: [clip], texts: ['hello anna'], sources: ['tones'] });
  const trainer = new Trainer(model, {
    loss: ctcTrainingLoss,
    metrics: [],
    batchSize: 1,
    learningRate: 2e-2,
    epochs: 70,
    seed: 1,
    progress: false,
  });
  await trainer.fit(data);
  trainer.dispose();
  tfjsText = greedyTranscript(speechLogProbs(model, [clip])[0]);
  await writeSpeechHfFolder(hfDir, model, { corpus: ['hello anna', 'call anna'] });
  model.dispose();
  expect(tf.memory().numTensors).toBeLessThan(50);
}, 180_000);

// Slow (~30-60 s in beforeAll): 70 CTC steps, the ONNX export, and transformers.js loading the folder.
it('the transformers.js pipeline on the export gives the tfjs greedy transcript, double letters kept', async () => {
  expect(tfjsText).toBe('hello anna');
  for (const f of [
    'config.json',
    'preprocessor_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    'onnx/model.onnx',
  ])
    expect(fs.existsSync(path.join(hfDir, f))).toBe(true);
  const config = JSON.parse(fs.readFileSync(path.join(hfDir, 'config.json'), 'utf8'));
  expect(config.model_type).toBe('wav2vec2');
  const tokenizer = JSON.parse(fs.readFileSync(path.join(hfDir, 'tokenizer.json'), 'utf8'));
  expect(tokenizer.decoder).toEqual(expect.objectContaining({ type: 'CTC', word_delimiter_token: '|' }));
  expect(tokenizer.added_tokens.map((t: { content: string }) => t.content)).not.toContain('<pad>');
  const asr = await asrPipeline(hfDir);
  expect((await asr(clip)).text).toBe(tfjsText);
  await asr.dispose();
  expect(readCtcFolder(hfDir)).toEqual(expect.objectContaining({ blank: 0, wordDelimiter: '|', doNormalize: true }));
}, 60_000);

it('with the blank listed in added_tokens, the pipeline drops it before collapsing repeats ("hello" → "helo")', async () => {
  const broken = path.join(tmp, 'pad-added');
  fs.cpSync(hfDir, broken, { recursive: true });
  const file = path.join(broken, 'tokenizer.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  json.added_tokens.push({
    id: 0,
    content: '<pad>',
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  fs.writeFileSync(file, JSON.stringify(json));
  const asr = await asrPipeline(broken);
  expect((await asr(clip)).text).toBe('helo ana');
  await asr.dispose();
}, 60_000);

it('transcribes WAV files at any rate and channel count, greedy and with beam search, with word times', async () => {
  const file = path.join(tmp, 'stereo-8k.wav');
  const at8k = resample(clip, 16000, 8000);
  writeWav(file, { sampleRate: 8000, channels: [at8k, at8k] });
  for (const beam of [undefined, 4]) {
    const t = await SpeechTranscriber.load(hfDir, { beam });
    const r = await t.transcribeFile(file);
    await t.dispose();
    expect(r.text).toBe('hello anna');
    expect(r.words.map((w) => w.word)).toEqual(['hello', 'anna']);
    expect(r.words[0].start).toBeLessThan(r.words[0].end);
    expect(r.words[0].end).toBeLessThanOrEqual(r.words[1].start);
    expect(r.words[1].end).toBeLessThanOrEqual(0.82);
  }
  const bad = path.join(tmp, 'notes.wav');
  fs.writeFileSync(bad, 'not audio');
  const t = await SpeechTranscriber.load(hfDir);
  await expect(t.transcribeFile(bad)).rejects.toThrow(`${bad}: not a WAV file`);
  await t.dispose();
}, 60_000);

it('cuts long files into overlapping windows and joins their frames', async () => {
  const file = path.join(tmp, 'long.wav');
  // the clip at 0 s and at 1.6 s; 1 s windows every 0.7 s cut through both
  const long = new Float32Array(16000 * 2.4);
  long.set(clip, 0);
  long.set(clip, 25600);
  writeWav(file, { sampleRate: 16000, channels: [long] });
  const whole = await SpeechTranscriber.load(hfDir, { windowSeconds: 60 });
  const windowed = await SpeechTranscriber.load(hfDir, { windowSeconds: 1, overlapSeconds: 0.3 });
  const a = await whole.transcribeFile(file);
  const b = await windowed.transcribeFile(file);
  await Promise.all([whole.dispose(), windowed.dispose()]);
  expect(a.words.length).toBeGreaterThan(0);
  expect(b.words.at(-1)!.end).toBeGreaterThan(1.6);
  expect(b.words.at(-1)!.end).toBeLessThanOrEqual(2.45);
}, 60_000);

it('reads a folder of recordings with transcripts.tsv, reporting bad rows by line', () => {
  const dir = path.join(tmp, 'recordings');
  fs.mkdirSync(dir);
  for (let i = 0; i < 4; i++)
    writeWav(path.join(dir, `${i}.wav`), { sampleRate: 8000, channels: [resample(clip, 16000, 8000)] });
  fs.writeFileSync(
    path.join(dir, 'transcripts.tsv'),
    'file\ttext\n0.wav\tHello Anna\n1.wav\thello\n2.wav\tanna\n3.wav\tcall anna\n',
  );
  const sets = loadSpeechFolder(dir, { sampleRate: 16000, seed: 1 });
  expect([...sets.train.texts, ...sets.validation.texts, ...sets.test.texts].sort()).toEqual([
    'anna',
    'call anna',
    'hello',
    'hello anna',
  ]);
  expect(sets.test.clips[0]).toHaveLength(12800);
  fs.writeFileSync(path.join(dir, 'transcripts.tsv'), '0.wav\thello\nmissing.wav\thi\n1.wav\n2.wav\t42\n');
  const table = path.join(dir, 'transcripts.tsv');
  expect(() => loadSpeechFolder(dir, { sampleRate: 16000, seed: 1 })).toThrow(
    [
      `${table}:2: missing.wav does not exist`,
      `${table}:3: expected "file<TAB>text", got 1 cells`,
      `${table}:4: no letters in "42"`,
    ].join('\n'),
  );
});
