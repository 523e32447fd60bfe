/**
 * Recurrent layers → ONNX LSTM / GRU / RNN (opset 14+ forms, written for opset 17), plus the
 * `Bidirectional` and `TimeDistributed` wrappers.
 *
 * Layout: ONNX recurrent ops take X as [T, B, n] (`layout = 0`; onnxruntime refuses `layout = 1`),
 * so the input is asked for in layout [1, 0, 2] (one Transpose, shared by every consumer), and a
 * returned sequence is transposed back to the tfjs layout [B, T, h] (`handOn`).
 *
 * Weights: tfjs keeps kernel [n, G h], recurrent kernel [h, G h] and one bias [G h]; ONNX wants
 * W [dirs, G h, n], R [dirs, G h, h] and B [dirs, 2 G h] (input bias, then recurrent bias, which
 * is zero here), with the gate blocks reordered (tfjs-layers src/layers/recurrent.ts, ONNX
 * Operators.md):
 *
 *   LSTM  tfjs i, f, c, o   → ONNX i, o, f, c
 *   GRU   tfjs z, r, h      → ONNX z, r, h    (tfjs applies r before the recurrent matmul:
 *                                              linear_before_reset = 0; tfjs has no reset_after)
 *   RNN   tfjs h            → ONNX h
 *
 * Activations: tfjs `recurrentActivation` is ONNX f (i, f, o / z, r gates) and `activation` is
 * ONNX g and h. tfjs hardSigmoid is clip(0.2 x + 0.5, 0, 1) (tfjs-layers backend hardSigmoid,
 * 4.22), ONNX HardSigmoid with alpha 0.2, beta 0.5.
 *
 * goBackwards: tfjs reverses the input in time and returns the outputs in processing order, so
 * the input is reversed (Slice with step -1) and the op runs forward. Bidirectional: tfjs reverses
 * the backward layer's sequence output back to input order, which is what ONNX
 * direction = "bidirectional" returns, so Y[:, 0] and Y[:, 1] are merged as they are.
 */
import type * as tf from '@tensorflow/tfjs';
import { attr, Attr, GraphBuilder, OnnxValue } from '../graph-builder';
import { relativePerm } from '../layout';
import { AttributeType } from '../proto/onnx-types';
import { LayerExportContext, LayerExporter, layerError, WeightData } from './context';
import { dense } from './dense';

type OnnxRnnOp = 'LSTM' | 'GRU' | 'RNN';

interface CellKind {
  op: OnnxRnnOp;
  /** For each ONNX gate block, the tfjs gate block it comes from. */
  gateOrder: number[];
  /** Number of state tensors (h, or h and c). */
  states: number;
  /** Whether the cell has a recurrentActivation (ONNX f). */
  gated: boolean;
}

/** tfjs cell class → ONNX op and gate-order mapping. */
const CELLS: Record<string, CellKind> = {
  LSTMCell: { op: 'LSTM', gateOrder: [0, 3, 1, 2], states: 2, gated: true },
  GRUCell: { op: 'GRU', gateOrder: [0, 1, 2], states: 1, gated: true },
  SimpleRNNCell: { op: 'RNN', gateOrder: [0], states: 1, gated: false },
};

/**
 * tfjs activation → the ONNX recurrent activation (name, alpha, beta). Only the functions the
 * ONNX recurrent ops define (and onnxruntime implements); alpha/beta only where the function takes them.
 */
const RNN_ACTIVATIONS: Record<string, { name: string; alpha?: number; beta?: number }> = {
  tanh: { name: 'Tanh' },
  sigmoid: { name: 'Sigmoid' },
  // tfjs: clip(0.2 x + 0.5, 0, 1); ONNX: max(0, min(1, alpha x + beta)).
  hardSigmoid: { name: 'HardSigmoid', alpha: 0.2, beta: 0.5 },
  relu: { name: 'Relu' },
  // Affine: alpha x + beta.
  linear: { name: 'Affine', alpha: 1, beta: 0 },
  softsign: { name: 'Softsign' },
  softplus: { name: 'Softplus' },
  elu: { name: 'Elu', alpha: 1 },
};

/** The parts of a tfjs recurrent layer the exporter needs (also for RNN({cell}) and wrapped layers). */
interface RecurrentLayer {
  layer: tf.layers.Layer;
  kind: CellKind;
  units: number;
  config: Record<string, unknown>;
  cellConfig: Record<string, unknown>;
}

interface WithCell {
  cell?: tf.layers.Layer;
}

/** Reads and validates a tfjs recurrent layer; `ctx` is the layer being exported (for errors). */
function recurrentLayer(ctx: LayerExportContext, layer: tf.layers.Layer): RecurrentLayer {
  const cell = (layer as unknown as WithCell).cell;
  const cellClass = cell?.getClassName() ?? '(none)';
  const kind = CELLS[cellClass];
  if (!cell || !kind) {
    throw layerError(
      ctx,
      `unsupported recurrent cell ${cellClass} (supported: ${Object.keys(CELLS).join(', ')}; StackedRNNCells: use one layer per cell)`,
    );
  }
  const config = layer.getConfig() as Record<string, unknown>;
  const cellConfig = cell.getConfig() as Record<string, unknown>;
  if (config.stateful)
    throw layerError(
      ctx,
      `stateful = true is not supported (ONNX recurrent ops start from given or zero states on every call)`,
    );
  if (cellConfig.resetAfter) throw layerError(ctx, `GRU resetAfter = true is not supported`);
  const units = cellConfig.units;
  if (typeof units !== 'number' || !Number.isInteger(units) || units <= 0)
    throw layerError(ctx, `units should be a positive integer, got ${JSON.stringify(units)}`);
  return { layer, kind, units, config, cellConfig };
}

/** ONNX activation attributes for a cell: [f, g, h] for LSTM, [f, g] for GRU, [f] for RNN. */
function activationAttrs(ctx: LayerExportContext, r: RecurrentLayer, directions: number): Record<string, Attr> {
  const lookup = (key: string): { name: string; alpha?: number; beta?: number } => {
    const name = String(r.cellConfig[key] ?? (key === 'activation' ? 'tanh' : 'hardSigmoid'));
    const a = RNN_ACTIVATIONS[name];
    if (!a)
      throw layerError(
        ctx,
        `${key} '${name}' has no ONNX ${r.kind.op} equivalent (supported: ${Object.keys(RNN_ACTIVATIONS).join(', ')})`,
      );
    return a;
  };
  const act = lookup('activation');
  const perDirection =
    r.kind.op === 'LSTM'
      ? [lookup('recurrentActivation'), act, act]
      : r.kind.op === 'GRU'
        ? [lookup('recurrentActivation'), act]
        : [act];
  const all = Array.from({ length: directions }, () => perDirection).flat();
  const attrs: Record<string, Attr> = { activations: { type: AttributeType.STRINGS, strings: all.map((a) => a.name) } };
  // alpha/beta lists hold values only for the functions that take them, in order.
  const alphas = all.filter((a) => a.alpha !== undefined).map((a) => a.alpha as number);
  const betas = all.filter((a) => a.beta !== undefined).map((a) => a.beta as number);
  if (alphas.length > 0) attrs.activation_alpha = attr.floats(alphas);
  if (betas.length > 0) attrs.activation_beta = attr.floats(betas);
  return attrs;
}

/** A weight of `layer` by its short name (kernel, recurrent_kernel, bias); works for wrapped layers. */
function readWeight(ctx: LayerExportContext, layer: tf.layers.Layer, shortName: string): WeightData | undefined {
  const w = layer.weights.find((v) => {
    const full = v.originalName ?? v.name;
    return full.slice(full.lastIndexOf('/') + 1) === shortName;
  });
  if (!w) return undefined;
  const t = w.read();
  if (t.dtype !== 'float32')
    throw layerError(ctx, `weight '${shortName}' of '${layer.name}' has dtype ${t.dtype}, expected float32`);
  return { data: t.dataSync() as Float32Array, shape: t.shape.slice() };
}

/**
 * tfjs [rows, G h] with gate blocks in tfjs order → ONNX [G h, rows] with blocks in ONNX order:
 * out[b h + j, k] = w[k, order[b] h + j].
 */
export function onnxGateMatrix(w: WeightData, gateOrder: readonly number[], units: number): Float32Array {
  const [rows, cols] = w.shape; // cols = G h
  const out = new Float32Array(rows * cols);
  gateOrder.forEach((tb, b) => {
    for (let j = 0; j < units; j++) {
      const dst = (b * units + j) * rows;
      const src = tb * units + j;
      for (let k = 0; k < rows; k++) out[dst + k] = w.data[k * cols + src];
    }
  });
  return out;
}

/** tfjs bias [G h] → ONNX [2 G h]: reordered input bias, then a zero recurrent bias. */
export function onnxGateBias(bias: WeightData, gateOrder: readonly number[], units: number): Float32Array {
  const G = gateOrder.length;
  const out = new Float32Array(2 * G * units);
  gateOrder.forEach((tb, b) => out.set(bias.data.subarray(tb * units, (tb + 1) * units), b * units));
  return out;
}

/** Concatenates per-direction arrays into one [dirs, ...] initializer. */
function stack(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Raw outputs of one ONNX recurrent node: Y [T, dirs, B, h], Y_h [dirs, B, h], Y_c (LSTM). */
interface RnnNodeOutputs {
  y: string;
  yH: string;
  yC?: string;
}

/**
 * Appends one ONNX LSTM/GRU/RNN node over `x` (logical [B, T, n]) for the layers of each direction
 * (one: forward; two: forward and backward of a Bidirectional). `initialStates` are the extra
 * inputs of the call ([h, c] per direction, logical [B, h] each).
 */
function rnnNode(
  ctx: LayerExportContext,
  layers: RecurrentLayer[],
  x: OnnxValue,
  initialStates: OnnxValue[],
  reverseInput: boolean,
): RnnNodeOutputs {
  const { g, name } = ctx;
  const [first] = layers;
  const { kind, units } = first;
  const dirs = layers.length;
  if (x.shape.length !== 3)
    throw layerError(ctx, `expected a rank-3 input [batch, time, features], got shape [${x.shape}]`);
  let xs = g.toLayout(x, [1, 0, 2]).name; // [T, B, n]
  if (reverseInput) {
    // goBackwards: x[T-1], ..., x[0]. Slice with step -1 from the last step to before the first.
    const c = (v: number[], hint: string): string => g.int64Constant(v, hint);
    xs = g.op(
      'Slice',
      [xs, c([-1], 'minus_one'), c([Number.MIN_SAFE_INTEGER], 'slice_to_start'), c([0], 'axis0'), c([-1], 'minus_one')],
      {},
      `${name}/reverse_time`,
    );
  }

  const ws: Float32Array[] = [];
  const rs: Float32Array[] = [];
  const bs: Float32Array[] = [];
  let inputDim = 0;
  for (const l of layers) {
    const kernel = readWeight(ctx, l.layer, 'kernel');
    const recurrent = readWeight(ctx, l.layer, 'recurrent_kernel');
    if (!kernel || !recurrent)
      throw layerError(ctx, `missing kernel or recurrent_kernel of '${l.layer.name}' (is the layer built?)`);
    inputDim = kernel.shape[0];
    ws.push(onnxGateMatrix(kernel, kind.gateOrder, units)); // [G h, n]
    rs.push(onnxGateMatrix(recurrent, kind.gateOrder, units)); // [G h, h]
    const bias = l.cellConfig.useBias === false ? undefined : readWeight(ctx, l.layer, 'bias');
    if (bias) bs.push(onnxGateBias(bias, kind.gateOrder, units)); // [2 G h]
  }
  const G = kind.gateOrder.length;
  const inputs = [
    xs,
    g.initializer(`${name}/W`, stack(ws), [dirs, G * units, inputDim]),
    g.initializer(`${name}/R`, stack(rs), [dirs, G * units, units]),
    bs.length === dirs ? g.initializer(`${name}/B`, stack(bs), [dirs, 2 * G * units]) : '',
    '', // sequence_lens: every sequence has the full length
  ];
  if (initialStates.length > 0) {
    if (initialStates.length !== dirs * kind.states) {
      throw layerError(ctx, `expected ${dirs * kind.states} initial state tensors, got ${initialStates.length}`);
    }
    // Per state kind (h, then c): [B, h] per direction → [dirs, B, h].
    for (let s = 0; s < kind.states; s++) {
      const parts = layers.map((_, d) =>
        unsqueeze0(
          g,
          g.toLayout(initialStates[d * kind.states + s], null).name,
          `${name}/initial_${s === 0 ? 'h' : 'c'}`,
        ),
      );
      inputs.push(
        parts.length === 1
          ? parts[0]
          : g.op('Concat', parts, { axis: attr.int(0) }, `${name}/initial_${s === 0 ? 'h' : 'c'}`),
      );
    }
  }
  const attrs: Record<string, Attr> = {
    hidden_size: attr.int(units),
    direction: attr.string(dirs === 2 ? 'bidirectional' : 'forward'),
    ...activationAttrs(ctx, first, dirs),
    ...(kind.op === 'GRU' ? { linear_before_reset: attr.int(0) } : {}),
  };
  const outs = g.opMulti(kind.op, inputs, kind.op === 'LSTM' ? 3 : 2, attrs, `${name}/${kind.op}`);
  return { y: outs[0], yH: outs[1], yC: outs[2] };
}

function unsqueeze0(g: GraphBuilder, x: string, hint: string): string {
  return g.op('Unsqueeze', [x, g.int64Constant([0], 'axis0')], {}, `${hint}/Unsqueeze`);
}

/** Gather(x, index, axis) with a scalar index: drops that axis. */
function pick(g: GraphBuilder, x: string, index: number, axis: number, hint: string): string {
  return g.op('Gather', [x, g.int64Constant([index], `index${index}`, [])], { axis: attr.int(axis) }, hint);
}

/** Sequence output of direction d: Y [T, dirs, B, h] → [T, B, h], i.e. logical [B, T, h] stored time-major. */
function sequenceOf(
  ctx: LayerExportContext,
  o: RnnNodeOutputs,
  d: number,
  units: number,
  batch: number | null,
  time: number | null,
): OnnxValue {
  const y = pick(ctx.g, o.y, d, 1, `${ctx.name}/Y${d}`);
  return ctx.g.value(y, [batch, time, units], [1, 0, 2]);
}

/**
 * A layer output as handed to the next layer: in the tfjs layout, because other exporters rely on
 * the batch being physical axis 0 (global pooling, PReLU). The Transpose is a plain node, not a
 * layout-cache entry: Permute reuses its input's name with a new logical shape, which a cache
 * entry under that name would answer wrongly. (Two stacked recurrent layers thus get a pair of
 * inverse Transposes between them: cheap next to the recurrence.)
 */
function handOn(g: GraphBuilder, v: OnnxValue): OnnxValue {
  if (v.perm === null) return v;
  const t = g.op(
    'Transpose',
    [v.name],
    { perm: attr.ints(relativePerm(v.perm, null, v.shape.length)) },
    `${v.name}/to_logical`,
  );
  return g.value(t, v.shape, null);
}

/** Final state of direction d: [dirs, B, h] → [B, h]. */
function stateOf(
  ctx: LayerExportContext,
  state: string,
  d: number,
  units: number,
  batch: number | null,
  hint: string,
): OnnxValue {
  return ctx.g.value(pick(ctx.g, state, d, 0, `${ctx.name}/${hint}${d}`), [batch, units], null);
}

/** The states a tfjs recurrent layer returns with returnState: h (and c for LSTM) of direction d. */
function statesOf(
  ctx: LayerExportContext,
  o: RnnNodeOutputs,
  r: RecurrentLayer,
  d: number,
  batch: number | null,
): OnnxValue[] {
  const h = stateOf(ctx, o.yH, d, r.units, batch, 'h');
  return r.kind.states === 2 ? [h, stateOf(ctx, o.yC as string, d, r.units, batch, 'c')] : [h];
}

/** Throws when the layer's input carries a mask (Embedding maskZero, Masking), which ONNX would ignore. */
function rejectMasks(ctx: LayerExportContext, layer: tf.layers.Layer): void {
  for (const node of layer.inboundNodes) {
    for (const t of node.inputTensors) {
      const src = t.sourceLayer;
      const cls = src.getClassName();
      const cfg = src.getConfig() as { maskZero?: boolean };
      if (cls === 'Masking' || (cls === 'Embedding' && cfg.maskZero)) {
        throw layerError(
          ctx,
          `its input comes from '${src.name}' (${cls}${cls === 'Embedding' ? ' maskZero' : ''}), whose mask ONNX export does not support`,
        );
      }
    }
  }
}

/** LSTM, GRU, SimpleRNN and RNN(cell): one ONNX node, forward (or on the time-reversed input). */
export const recurrent: LayerExporter = (ctx) => {
  const r = recurrentLayer(ctx, ctx.layer);
  rejectMasks(ctx, ctx.layer);
  const [x, ...initialStates] = ctx.inputs;
  const batch = x.shape[0];
  const o = rnnNode(ctx, [r], x, initialStates, Boolean(r.config.goBackwards));
  const out = handOn(
    ctx.g,
    r.config.returnSequences
      ? sequenceOf(ctx, o, 0, r.units, batch, x.shape[1])
      : stateOf(ctx, o.yH, 0, r.units, batch, 'last'),
  );
  return r.config.returnState ? [out, ...statesOf(ctx, o, r, 0, batch)] : out;
};

interface BidirectionalLayer {
  forwardLayer: tf.layers.Layer;
  backwardLayer: tf.layers.Layer;
  mergeMode: string | null;
  returnSequences: boolean;
  returnState: boolean;
}

/** Bidirectional(LSTM | GRU | SimpleRNN): one ONNX node with direction "bidirectional", then the merge. */
export const bidirectional: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const b = ctx.layer as unknown as BidirectionalLayer;
  const fwd = recurrentLayer(ctx, b.forwardLayer);
  const bwd = recurrentLayer(ctx, b.backwardLayer);
  if (fwd.config.goBackwards || !bwd.config.goBackwards)
    throw layerError(ctx, `a wrapped layer with goBackwards = true is not supported`);
  rejectMasks(ctx, ctx.layer);
  const [x, ...initialStates] = ctx.inputs;
  const batch = x.shape[0];
  const o = rnnNode(ctx, [fwd, bwd], x, initialStates, false);
  const h = fwd.units;
  const [yf, yb] = [0, 1].map((d) =>
    b.returnSequences ? sequenceOf(ctx, o, d, h, batch, x.shape[1]) : stateOf(ctx, o.yH, d, h, batch, 'last'),
  );
  let merged: OnnxValue[];
  const mode = b.mergeMode;
  if (mode === null || mode === undefined) {
    merged = [yf, yb];
  } else {
    const opType = { concat: 'Concat', sum: 'Add', mul: 'Mul', ave: 'Mean' }[mode];
    if (!opType) throw layerError(ctx, `unsupported mergeMode ${JSON.stringify(mode)}`);
    // Both halves share one layout (time-major for sequences); the merged axis is the last one in it.
    const attrs: Record<string, Attr> = opType === 'Concat' ? { axis: attr.int(-1) } : {};
    const y = g.op(opType, [yf.name, yb.name], attrs, `${name}/${mode}`);
    merged = [g.value(y, ctx.outputShapes[0], yf.perm)];
  }
  merged = merged.map((v) => handOn(g, v));
  return b.returnState ? [...merged, ...statesOf(ctx, o, fwd, 0, batch), ...statesOf(ctx, o, bwd, 1, batch)] : merged;
};

interface TimeDistributedLayer {
  layer: tf.layers.Layer;
}

/**
 * TimeDistributed(Dense): Dense already applies to the last axis of any rank (a MatMul), so the
 * wrapped layer's exporter runs on [B, T, n] as it is.
 */
export const timeDistributed: LayerExporter = (ctx) => {
  const inner = (ctx.layer as unknown as TimeDistributedLayer).layer;
  const cls = inner.getClassName();
  if (cls !== 'Dense') throw layerError(ctx, `only TimeDistributed(Dense) is supported, got TimeDistributed(${cls})`);
  return dense({ ...ctx, className: `TimeDistributed(${cls})`, config: inner.getConfig() as Record<string, unknown> });
};
