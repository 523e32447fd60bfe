/**
 * ONNX export of the seq2seq attention layer (model.ts), for core's exporter (`exporters` option):
 * the Bi-LSTM encoder, the Ty attention + decoder steps and the output softmax unrolled into plain
 * ONNX ops (MatMul, Add, Sigmoid, Tanh, Relu, Softmax, Split, Gather, Concat, (Un)Squeeze), with
 * Tx and Ty fixed and the batch dynamic. Inputs X [b, Tx, Vx] (and Yprev [b, Ty, Vy] with
 * feedPrevious), outputs ŷ [b, Ty, Vy] and α [b, Ty, Tx], as the tfjs layer.
 *
 * The first encoder and decoder steps start from zero states, so their h·U and f⊙c terms are
 * left out instead of materialising zeros of a dynamic batch size.
 *
 * @example
 * saveOnnx(translator.models.attentionModel, 'translator.onnx', { exporters: SEQ2SEQ_ONNX_EXPORTERS });
 */
import { onnxAttr as attr, type OnnxLayerExporter, type OnnxValue } from '@dlkit/core';
import type { Seq2seqAttention } from './model';

type Builder = Parameters<OnnxLayerExporter>[0]['g'];

/** Weights in the layer's creation order (build()): 3 per LSTM, then attention and output. */
const WEIGHT_ORDER = [
  'forwardKernel',
  'forwardRecurrent',
  'forwardBias',
  'backwardKernel',
  'backwardRecurrent',
  'backwardBias',
  'attentionA',
  'attentionS',
  'attentionBias',
  'energy',
  'energyBias',
  'decoderKernel',
  'decoderRecurrent',
  'decoderBias',
  'output',
  'outputBias',
] as const;

export const seq2seqAttentionExporter: OnnxLayerExporter = (ctx) => {
  const { g, name } = ctx;
  const layer = ctx.layer as Seq2seqAttention;
  const { tx, ty, feedPrevious } = layer.config;
  if (layer.weights.length !== WEIGHT_ORDER.length)
    throw new Error(`ONNX export of '${name}': expected ${WEIGHT_ORDER.length} weights, got ${layer.weights.length}`);
  const w = Object.fromEntries(
    WEIGHT_ORDER.map((key, i) => {
      const t = layer.weights[i].read();
      return [key, g.initializer(`${name}/${key}`, t.dataSync() as Float32Array, t.shape.slice())];
    }),
  ) as Record<(typeof WEIGHT_ORDER)[number], string>;
  const [x, yPrev] = ctx.inputs.map((v) => g.toLayout(v, null).name);
  const op = (type: string, inputs: string[], attrs = {}) => g.op(type, inputs, attrs, `${name}/${type}`);
  const axes = (a: number) => g.int64Constant([a], 'axes');
  const at = (v: string, t: number) => op('Gather', [v, g.int64Constant([t], 'step', [])], { axis: attr.int(1) }); // [b, T, n] -> [b, n]
  const stack = (vs: string[]) =>
    op(
      'Concat',
      vs.map((v) => op('Unsqueeze', [v, axes(1)])),
      { axis: attr.int(1) },
    ); // T × [b, n] -> [b, T, n]
  const lstm = (z: string, cPrev: string | null): [string, string] => {
    const [zi, zf, zc, zo] = g.opMulti('Split', [z], 4, splitAttrs(g), `${name}/Split`); // gates i, f, c, o
    const input = op('Mul', [op('Sigmoid', [zi]), op('Tanh', [zc])]);
    const c = cPrev === null ? input : op('Add', [op('Mul', [op('Sigmoid', [zf]), cPrev]), input]);
    return [op('Mul', [op('Sigmoid', [zo]), op('Tanh', [c])]), c];
  };

  // Encoder: input projections for all steps, then Tx steps per direction.
  const encode = (kernel: string, recurrent: string, bias: string, reverse: boolean): string[] => {
    const proj = op('Add', [op('MatMul', [x, kernel]), bias]); // [b, Tx, 4nA]
    const hs: string[] = new Array(tx);
    let h: string | null = null;
    let c: string | null = null;
    for (let k = 0; k < tx; k++) {
      const t = reverse ? tx - 1 - k : k;
      const z: string = h === null ? at(proj, t) : op('Add', [at(proj, t), op('MatMul', [h, recurrent])]);
      [h, c] = lstm(z, c);
      hs[t] = h;
    }
    return hs;
  };
  const a = op(
    'Concat',
    [
      stack(encode(w.forwardKernel, w.forwardRecurrent, w.forwardBias, false)),
      stack(encode(w.backwardKernel, w.backwardRecurrent, w.backwardBias, true)),
    ],
    { axis: attr.int(2) },
  ); // [b, Tx, 2nA]
  const aPart = op('Add', [op('MatMul', [a, w.attentionA]), w.attentionBias]); // [b, Tx, units]

  let s: string | null = null;
  let c: string | null = null;
  const ys: string[] = [];
  const alphas: string[] = [];
  for (let t = 0; t < ty; t++) {
    const hidden = op('Tanh', [
      s === null ? aPart : op('Add', [aPart, op('Unsqueeze', [op('MatMul', [s, w.attentionS]), axes(1)])]),
    ]);
    const e = op('Squeeze', [op('Relu', [op('Add', [op('MatMul', [hidden, w.energy]), w.energyBias])]), axes(2)]); // [b, Tx]
    const alpha = op('Softmax', [e], { axis: attr.int(-1) });
    const context = op('Squeeze', [op('MatMul', [op('Unsqueeze', [alpha, axes(1)]), a]), axes(1)]); // [b, 2nA]
    const input = feedPrevious ? op('Concat', [context, at(yPrev, t)], { axis: attr.int(1) }) : context;
    const zIn = op('Add', [op('MatMul', [input, w.decoderKernel]), w.decoderBias]);
    [s, c] = lstm(s === null ? zIn : op('Add', [zIn, op('MatMul', [s, w.decoderRecurrent])]), c);
    ys.push(op('Softmax', [op('Add', [op('MatMul', [s, w.output]), w.outputBias])], { axis: attr.int(-1) }));
    alphas.push(alpha);
  }
  const value = (v: string, i: number): OnnxValue => g.value(v, ctx.outputShapes[i], null);
  return [value(stack(ys), 0), value(stack(alphas), 1)];
};

/** Split into 4 equal parts on the last axis: opset 18 wants num_outputs, 17 splits equally without it. */
function splitAttrs(g: Builder): Record<string, ReturnType<typeof attr.int>> {
  return g.opset >= 18 ? { axis: attr.int(-1), num_outputs: attr.int(4) } : { axis: attr.int(-1) };
}

/** The `exporters` option for core's saveOnnx / exportToOnnx / onnxParity. */
export const SEQ2SEQ_ONNX_EXPORTERS = { DlkitSeq2seqAttention: seq2seqAttentionExporter } as const;
