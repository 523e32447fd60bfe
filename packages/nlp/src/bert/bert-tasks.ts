/**
 * What each transformers.js pipeline needs of a BERT folder, one row per task (DESIGN.md section 3):
 * the graph outputs, the architecture name written in config.json, and whether it needs labels.
 */
import { HfFolderExpectations } from '@dlkit/sequence';

export type BertTask = 'feature-extraction' | 'fill-mask' | 'token-classification' | 'question-answering';

export interface BertTaskSpec {
  /** The graph outputs, in the tfjs model's output order. */
  outputs: readonly string[];
  /** Outputs a model may add after those (a fill-mask graph that also serves feature-extraction). */
  extraOutputs?: readonly string[];
  /** config.json `architectures[0]` (transformers' class name). */
  architecture: string;
  /** config.json must carry id2label/label2id. */
  labels: boolean;
}

export const BERT_TASKS: Readonly<Record<BertTask, BertTaskSpec>> = {
  'feature-extraction': { outputs: ['last_hidden_state'], architecture: 'BertModel', labels: false },
  // transformers.js's feature-extraction reads last_hidden_state first, fill-mask reads logits: one folder serves both.
  'fill-mask': {
    outputs: ['logits'],
    extraOutputs: ['last_hidden_state'],
    architecture: 'BertForMaskedLM',
    labels: false,
  },
  'token-classification': { outputs: ['logits'], architecture: 'BertForTokenClassification', labels: true },
  'question-answering': {
    outputs: ['start_logits', 'end_logits'],
    architecture: 'BertForQuestionAnswering',
    labels: false,
  },
};

export function bertTaskSpec(task: string): BertTaskSpec {
  const spec = (BERT_TASKS as Record<string, BertTaskSpec>)[task];
  if (!spec)
    throw new Error(`unknown BERT task ${JSON.stringify(task)}; expected one of ${Object.keys(BERT_TASKS).join(', ')}`);
  return spec;
}

/** writeHfModelFolder / readHfModelFolder expectations: int64 inputs, the task's outputs. */
export function bertFolderExpectations(task: BertTask): HfFolderExpectations {
  const int64 = 'int64' as const;
  return {
    graphs: {
      'model.onnx': {
        inputs: { input_ids: int64, attention_mask: int64, token_type_ids: int64 },
        outputs: bertTaskSpec(task).outputs,
      },
    },
  };
}
