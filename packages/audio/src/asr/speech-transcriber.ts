/**
 * Transcribes WAV files with a Hugging Face speech folder, two ways:
 * - greedy (default): through transformers.js (sequence's `transformersOffline`): the ASR
 *   pipeline's own processor, model and tokenizer, so a downloaded wav2vec2 folder works as well
 *   as dlkit's export; a non-CTC folder (Whisper) goes through `pipeline(...)` itself, in 30 s
 *   chunks, without word times;
 * - `beam`: the folder's `onnx/model.onnx` through onnxruntime-node (core's OnnxSession) and
 *   sequence's CTC prefix beam search, with a lexicon and bigram model when the folder has
 *   `lm_corpus.txt` (dlkit's export writes the training transcripts there).
 *
 * Any WAV (rate, depth, channels) is read with WavReader, averaged to mono and resampled to the
 * model's rate. Long files are cut into overlapping windows (20 s every 18 s); each window's frames
 * are kept where they are nearest its centre, so the frame sequences join without seams, and one
 * decoding runs over the whole file. Word times come from the CTC alignment: the greedy spans, or
 * the forced alignment of the beam's best ids.
 *
 * @example
 * const t = await SpeechTranscriber.load('dlkit-out/speech/hf', { beam: 16 });
 * await t.transcribeFile('call.wav'); // { file, text: 'call anna at seven', words: [{ word: 'call', start: 0.18, end: 0.4 }, ...] }
 * await t.dispose();
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadOnnx, type OnnxSession, type OnnxTensor } from '@dlkit/core';
import {
  ctcBeamSearch,
  ctcForcedAlign,
  ctcGreedyDecode,
  ctcWordTimings,
  HfFolderError,
  LexiconTrie,
  transformersOffline,
  WordNgramLm,
  type CtcBeamSearchOptions,
  type CtcTokenSpan,
  type WordTiming,
} from '@dlkit/sequence';
import { WavReader } from '../io/wav-reader';
import { resample } from '../resample/resample';
import { readCtcFolder, SPEECH_HF_FILES, type CtcFolderInfo } from './speech-hf-folder';
import { normalizeWaveform } from './speech-dataset';

export interface TranscribeOptions {
  /** Beam width: decode with onnxruntime-node and the CTC beam search (undefined: greedy through transformers.js). */
  beam?: number;
  /** Window length and overlap for long files, seconds. */
  windowSeconds?: number;
  overlapSeconds?: number;
}

export const TRANSCRIBE_DEFAULTS = { windowSeconds: 20, overlapSeconds: 2 };

export interface FileTranscript {
  file: string;
  text: string;
  words: WordTiming[];
}

/** What the transformers.js ASR pipeline object exposes (the subset used here). */
interface AsrPipeline {
  (audio: Float32Array, options?: Record<string, unknown>): Promise<{ text: string }>;
  processor: (audio: Float32Array) => Promise<Record<string, unknown>>;
  model: ((inputs: Record<string, unknown>) => Promise<{ logits: { data: Float32Array; dims: number[] } }>) & {
    config: { model_type: string };
  };
  tokenizer: { decode(ids: number[], options?: { skip_special_tokens?: boolean }): string };
  dispose(): Promise<void>;
}

/** Frame log-probabilities (or logits) of one window: [frames, vocab] flat. */
type WindowLogits = (samples: Float32Array) => Promise<{ data: Float32Array; frames: number; vocab: number }>;

function logSoftmaxRows(data: Float32Array, frames: number, vocab: number): Float32Array[] {
  return Array.from({ length: frames }, (_, t) => {
    const row = data.subarray(t * vocab, (t + 1) * vocab);
    let max = -Infinity;
    for (const v of row) max = Math.max(max, v);
    let sum = 0;
    for (const v of row) sum += Math.exp(v - max);
    const log = max + Math.log(sum);
    return row.map((v) => v - log);
  });
}

export class SpeechTranscriber {
  private constructor(
    readonly dir: string,
    private readonly o: TranscribeOptions & typeof TRANSCRIBE_DEFAULTS,
    private readonly ctc: CtcFolderInfo | undefined,
    private readonly pipe: AsrPipeline | undefined,
    private readonly session: OnnxSession | undefined,
    private readonly beamOptions: CtcBeamSearchOptions | undefined,
  ) {}

  /** Opens a folder; problems (missing files, no CTC graph for `beam`) are errors naming the file. */
  static async load(dir: string, options: TranscribeOptions = {}): Promise<SpeechTranscriber> {
    const o = { ...TRANSCRIBE_DEFAULTS, ...options };
    if (!fs.existsSync(path.join(dir, 'config.json')))
      throw new HfFolderError(path.join(dir, 'config.json'), 'missing (expected a Hugging Face speech model folder)');
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { model_type?: string };
    const isCtc = config.model_type === 'wav2vec2' || fs.existsSync(path.join(dir, SPEECH_HF_FILES.corpus));
    const ctc = isCtc || o.beam !== undefined ? readCtcFolder(dir) : undefined;
    if (o.beam !== undefined) {
      if (!Number.isInteger(o.beam) || o.beam < 1) throw new Error(`beam must be a positive integer, got ${o.beam}`);
      const session = await loadOnnx(path.join(dir, 'onnx', SPEECH_HF_FILES.onnx));
      const corpus = ctc!.corpus;
      const beam: CtcBeamSearchOptions = {
        beamWidth: o.beam,
        blank: ctc!.blank,
        tokens: ctc!.tokens,
        wordDelimiter: ctc!.wordDelimiter,
        ...(corpus
          ? {
              lexicon: LexiconTrie.fromWords(new Set(corpus.flatMap((s) => s.split(' ')))),
              lm: WordNgramLm.fromSentences(corpus),
              lmWeight: 0.5,
              wordBonus: 1,
            }
          : {}),
      };
      return new SpeechTranscriber(dir, o, ctc, undefined, session, beam);
    }
    const t = await transformersOffline();
    const pipe = (await t.pipeline('automatic-speech-recognition', path.resolve(dir), {
      dtype: 'fp32',
    })) as unknown as AsrPipeline;
    return new SpeechTranscriber(dir, o, ctc, pipe, undefined, undefined);
  }

  /** The sample rate the model takes. */
  get sampleRate(): number {
    return this.ctc?.sampleRate ?? 16000;
  }

  /** Transcribes one WAV file (a WavError names a missing, non-WAV or corrupt file). */
  async transcribeFile(file: string): Promise<FileTranscript> {
    const reader = WavReader.open(file);
    try {
      if (!this.ctc) return { file, text: await this.pipelineText(reader), words: [] };
      const { rows, frameSeconds } = await this.fileLogProbs(reader, this.windowLogits());
      return { file, ...this.decode(rows, frameSeconds) };
    } finally {
      reader.close();
    }
  }

  /** Transcribes audio already in memory at `sampleRate` (mono). */
  async transcribeSamples(samples: Float32Array, sampleRate: number): Promise<Omit<FileTranscript, 'file'>> {
    const atRate = sampleRate === this.sampleRate ? samples : resample(samples, sampleRate, this.sampleRate);
    if (!this.ctc) return { text: (await this.pipe!(atRate)).text.trim(), words: [] };
    const w = await this.windowLogits()(atRate);
    return this.decode(logSoftmaxRows(w.data, w.frames, w.vocab), atRate.length / this.sampleRate / w.frames);
  }

  /** A whole file read at the model's rate (non-CTC folders: the pipeline chunks it itself). */
  private async pipelineText(reader: WavReader): Promise<string> {
    const mono = reader.readMono(0, reader.frames);
    const atRate = reader.sampleRate === this.sampleRate ? mono : resample(mono, reader.sampleRate, this.sampleRate);
    const out = await this.pipe!(atRate, { chunk_length_s: 30, stride_length_s: 5 });
    return out.text.trim();
  }

  private windowLogits(): WindowLogits {
    if (this.pipe) {
      const pipe = this.pipe;
      return async (samples) => {
        const { logits } = await pipe.model(await pipe.processor(samples)); // [1, frames, vocab]
        return { data: logits.data, frames: logits.dims[1], vocab: logits.dims[2] };
      };
    }
    const session = this.session!;
    const normalize = this.ctc!.doNormalize;
    return async (samples) => {
      const x = normalize ? normalizeWaveform(samples) : samples;
      const inputs: Record<string, OnnxTensor> = { input_values: { data: x, shape: [1, x.length] } };
      if (session.inputNames.includes('attention_mask'))
        inputs.attention_mask = { data: new BigInt64Array(x.length).fill(1n), shape: [1, x.length] };
      const out = await session.run(inputs);
      const logits = out.logits ?? Object.values(out)[0]; // [1, frames, vocab]
      return { data: logits.data as Float32Array, frames: logits.shape[1], vocab: logits.shape[2] };
    };
  }

  /**
   * Log-probabilities of a whole file, window by window: a window keeps the frames whose centre
   * lies within half the overlap of its own span (all of them at the file's start and end).
   */
  private async fileLogProbs(
    reader: WavReader,
    run: WindowLogits,
  ): Promise<{ rows: Float32Array[]; frameSeconds: number }> {
    const { windowSeconds, overlapSeconds } = this.o;
    const hop = windowSeconds - overlapSeconds;
    const rows: Float32Array[] = [];
    let frameSeconds = 0;
    const duration = reader.durationSeconds;
    for (const w of reader.windows(windowSeconds, hop)) {
      const valid = w.samples.subarray(0, w.validFrames);
      if (valid.length === 0) continue;
      const atRate =
        reader.sampleRate === this.sampleRate ? valid : resample(valid, reader.sampleRate, this.sampleRate);
      const out = await run(atRate);
      frameSeconds = atRate.length / this.sampleRate / out.frames;
      const keepFrom = w.index === 0 ? -Infinity : w.startSeconds + overlapSeconds / 2;
      const isLast = w.startSeconds + windowSeconds >= duration;
      const keepTo = isLast ? Infinity : w.startSeconds + windowSeconds - overlapSeconds / 2;
      logSoftmaxRows(out.data, out.frames, out.vocab).forEach((row, t) => {
        const centre = w.startSeconds + (t + 0.5) * frameSeconds;
        if (centre >= keepFrom && centre < keepTo) rows.push(row);
      });
      if (isLast) break;
    }
    return { rows, frameSeconds };
  }

  /** Text and word times of a file's frames (greedy, or beam + forced alignment). */
  private decode(rows: Float32Array[], frameSeconds: number): Omit<FileTranscript, 'file'> {
    const ctc = this.ctc!;
    let spans: CtcTokenSpan[];
    if (this.beamOptions) {
      const [best] = ctcBeamSearch(rows, this.beamOptions);
      spans = best && best.ids.length > 0 ? ctcForcedAlign(rows, best.ids, { blank: ctc.blank }) : [];
    } else {
      spans = ctcGreedyDecode(rows, { blank: ctc.blank }).spans;
    }
    const words = rows.length
      ? ctcWordTimings(spans, ctc.tokens, { frameSeconds, wordDelimiter: ctc.wordDelimiter })
          .map((w) => ({ ...w, word: this.wordText(w.word) }))
          .filter((w) => w.word !== '')
      : [];
    const text = this.pipe
      ? this.pipe.tokenizer
          .decode(
            rows.map((r) => argmax(r)),
            { skip_special_tokens: true },
          )
          .trim()
      : words.map((w) => w.word).join(' ');
    return { text, words: words.map((w) => ({ word: w.word, start: round3(w.start), end: round3(w.end) })) };
  }

  /** A word's characters without special tokens (<unk>, <s>, ...). */
  private wordText(word: string): string {
    return word.replace(/<[^>]*>/g, '');
  }

  async dispose(): Promise<void> {
    await this.session?.dispose();
    await this.pipe?.dispose();
  }
}

function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
  return best;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
