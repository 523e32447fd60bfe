/**
 * Every label's probability for every token of a text, from a token-classification folder through
 * transformers.js's own tokenizer and model (the ones its pipeline uses). The pipeline returns
 * only each token's top label; decoding a valid BIO sequence (viterbiBioTags) needs them all.
 *
 * @example
 * const { labels, probabilities } = await tokenLabelProbabilities('out/ner/hf', 'Ann flew to Lima.');
 * probabilities[1]; // the first word's sub-word ([CLS] is row 0): one probability per label
 */
import { openPipeline } from './transformers';

export interface TokenLabelProbabilities {
  /** The folder's labels (config.json id2label), in logit order. */
  labels: string[];
  /** One row per token of the encoding ([CLS] ... [SEP]), softmax over `labels`. */
  probabilities: number[][];
}

interface HfTensorLike {
  data: Float32Array | number[];
  dims: number[];
}

/** What dlkit uses of a transformers.js pipeline object. */
interface PipelineParts {
  tokenizer: (text: string[], options: { padding: boolean; truncation: boolean }) => Record<string, unknown>;
  model: ((inputs: Record<string, unknown>) => Promise<{ logits: HfTensorLike }>) & {
    config: { id2label?: Record<string, string> };
  };
}

function softmaxRow(row: ArrayLike<number>): number[] {
  const max = Math.max(...Array.from(row));
  const e = Array.from(row, (x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export async function tokenLabelProbabilities(dir: string, text: string): Promise<TokenLabelProbabilities> {
  const pipe = (await openPipeline('token-classification', dir)) as unknown as PipelineParts;
  const inputs = pipe.tokenizer([text], { padding: true, truncation: true });
  const { logits } = await pipe.model(inputs);
  const [, length, k] = logits.dims;
  const id2label = pipe.model.config.id2label ?? {};
  const labels = Array.from({ length: k }, (_, i) => id2label[i] ?? `LABEL_${i}`);
  const probabilities = Array.from({ length }, (_, t) => softmaxRow(logits.data.slice(t * k, (t + 1) * k)));
  return { labels, probabilities };
}
