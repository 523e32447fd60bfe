/**
 * The speech model as a Hugging Face wav2vec2-CTC folder, the layout transformers.js's
 * `pipeline('automatic-speech-recognition', dir)` loads (checked against transformers.js 4.3.2:
 * the pipeline picks `_call_wav2vec2` by `config.model_type`, the processor by
 * `feature_extractor_type`, runs `onnx/model.onnx` on `input_values`, takes the argmax per frame
 * and decodes with the tokenizer's CTC decoder):
 *
 *   config.json                 model_type "wav2vec2", architectures ["Wav2Vec2ForCTC"], vocab_size, pad_token_id
 *   preprocessor_config.json    Wav2Vec2FeatureExtractor, sampling_rate 16000, do_normalize true
 *   tokenizer.json              WordLevel characters, CTC decoder, "|" word delimiter (sequence's charTokenizerJson:
 *                               the blank <pad> is NOT an added token, or "hello" would decode as "helo")
 *   tokenizer_config.json       tokenizer_class "Wav2Vec2CTCTokenizer" (+ special_tokens_map.json)
 *   onnx/model.onnx             input_values float32 [batch, samples] → logits [batch, frames, vocab]
 *   lm_corpus.txt               the training transcripts: lexicon and bigram model of `--beam` decoding
 *
 * @example
 * await writeSpeechHfFolder('out/speech/hf', model, { corpus: trainTexts });
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as tf from '@tensorflow/tfjs';
import { exportToOnnx, writeFileAtomic } from '@dlkit/core';
import { charTokenizerJson, HfFolderError, readHfModelFolder, writeHfModelFolder } from '@dlkit/sequence';
import { SPEECH_ONNX_EXPORTERS } from './dynamic-log-mel-exporter';
import { speechFrameSeconds } from './speech-model';
import { SPEECH_BLANK, SPEECH_TOKENS, speechVocabulary, WORD_DELIMITER } from './speech-vocab';

export const SPEECH_HF_FILES = {
  preprocessor: 'preprocessor_config.json',
  corpus: 'lm_corpus.txt',
  onnx: 'model.onnx',
};

/** What a wav2vec2 CTC graph must offer. */
export const WAV2VEC2_GRAPH = { inputs: { input_values: 'float32' }, outputs: ['logits'] } as const;

export interface SpeechHfOptions {
  /** Training transcripts for the lexicon and language model of beam decoding. */
  corpus?: readonly string[];
  sampleRate?: number;
}

/** Writes the folder (replacing `dir`); returns the files written. */
export async function writeSpeechHfFolder(
  dir: string,
  model: tf.LayersModel,
  o: SpeechHfOptions = {},
): Promise<string[]> {
  const sampleRate = o.sampleRate ?? 16000;
  const onnx = exportToOnnx(model, {
    exporters: SPEECH_ONNX_EXPORTERS,
    inputNames: ['input_values'],
    outputNames: ['logits'],
  });
  const files = await writeHfModelFolder(
    dir,
    {
      config: {
        model_type: 'wav2vec2',
        architectures: ['Wav2Vec2ForCTC'],
        vocab_size: SPEECH_TOKENS.length,
        pad_token_id: 0,
        ctc_loss_reduction: 'mean',
        // dlkit's own fields: the model is a log-mel BiGRU, not a wav2vec2 transformer
        dlkit_architecture: 'log-mel conv BiGRU CTC',
        dlkit_frame_seconds: speechFrameSeconds(sampleRate),
      },
      tokenizer: charTokenizerJson(speechVocabulary(), { padToken: SPEECH_BLANK, wordDelimiterToken: WORD_DELIMITER }),
      onnx: { [SPEECH_HF_FILES.onnx]: onnx },
    },
    { graphs: { [SPEECH_HF_FILES.onnx]: WAV2VEC2_GRAPH } },
  );
  const extra = [path.join(dir, SPEECH_HF_FILES.preprocessor)];
  writeFileAtomic(
    extra[0],
    JSON.stringify(
      {
        feature_extractor_type: 'Wav2Vec2FeatureExtractor',
        feature_size: 1,
        sampling_rate: sampleRate,
        padding_side: 'right',
        padding_value: 0,
        do_normalize: true,
        return_attention_mask: false,
        processor_class: 'Wav2Vec2Processor',
      },
      null,
      2,
    ) + '\n',
  );
  if (o.corpus) {
    extra.push(path.join(dir, SPEECH_HF_FILES.corpus));
    writeFileAtomic(extra[1], o.corpus.join('\n') + '\n');
  }
  return [...files, ...extra];
}

/** The parts of a CTC folder that dlkit's own decoding needs. */
export interface CtcFolderInfo {
  /** Text of each output id. */
  tokens: string[];
  blank: number;
  wordDelimiter: string;
  sampleRate: number;
  doNormalize: boolean;
  /** Training transcripts, when the folder has lm_corpus.txt. */
  corpus?: string[];
}

/**
 * Validates a wav2vec2-style CTC folder (config, tokenizer, preprocessor, onnx/model.onnx with
 * input_values → logits) and reads its vocabulary; every problem is an HfFolderError naming the file.
 */
export function readCtcFolder(dir: string): CtcFolderInfo {
  const info = readHfModelFolder(dir, { graphs: { [SPEECH_HF_FILES.onnx]: WAV2VEC2_GRAPH } });
  const file = path.join(dir, SPEECH_HF_FILES.preprocessor);
  if (!fs.existsSync(file)) throw new HfFolderError(file, 'missing (expected the feature extractor settings)');
  const pre = JSON.parse(fs.readFileSync(file, 'utf8')) as { sampling_rate?: unknown; do_normalize?: unknown };
  if (typeof pre.sampling_rate !== 'number') throw new HfFolderError(file, 'expected a number "sampling_rate"');
  const vocab = info.tokenizer!.tokenizer.model.vocab;
  const tokens: string[] = [];
  for (const [t, id] of Object.entries(vocab)) tokens[id] = t;
  const config = info.tokenizer!.config;
  const pad = typeof config.pad_token === 'string' ? config.pad_token : '<pad>';
  const delimiter = typeof config.word_delimiter_token === 'string' ? config.word_delimiter_token : '|';
  if (vocab[pad] === undefined) throw new HfFolderError(path.join(dir, 'tokenizer.json'), `no pad/blank token ${pad}`);
  const corpusFile = path.join(dir, SPEECH_HF_FILES.corpus);
  return {
    tokens,
    blank: vocab[pad],
    wordDelimiter: delimiter,
    sampleRate: pre.sampling_rate,
    doNormalize: pre.do_normalize === true,
    ...(fs.existsSync(corpusFile) ? { corpus: fs.readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean) } : {}),
  };
}
