/**
 * ONNX exporters of the in-graph feature layers, for core's `exporters` option:
 * `exportToOnnx(model, { exporters: AUDIO_ONNX_EXPORTERS })`. The graph is plain ops, the same
 * computation as the tfjs layers, with the same constants:
 *
 *   Pad(x, one zero at the end) → Gather(frame indices [F, nFft], axis 1) → MatMul(DFT basis) → Mul(y, y)
 *   StftLayer:   Slice re², Slice im² → Add (→ Sqrt for magnitude)
 *   LogMelLayer: MatMul(stacked mel filterbank) → Max(amin) → Log → Mul(10/ln 10) → Sub(ref dB)
 *                → ReduceMax over frames and bands − topDb → Max
 *   MfccLayer:   the log-mel graph → MatMul(DCT-IIᵀ)
 *
 * @example
 * const bytes = exportToOnnx(model, { exporters: AUDIO_ONNX_EXPORTERS }); // model has a LogMelLayer
 */
import { onnxAttr, type OnnxLayerExportContext, type OnnxLayerExporter, type OnnxValue } from '@dlkit/core';
import { LogMelLayer } from './log-mel-layer';
import { MfccLayer } from './mfcc-layer';
import { SpectralLayer } from './spectral-layer';
import { StftLayer } from './stft-layer';

/** The exported layer as its class (the table maps class names, so this only fails for a foreign class of the same name). */
function layerOf<T extends SpectralLayer>(ctx: OnnxLayerExportContext, cls: abstract new (...args: never[]) => T): T {
  if (!(ctx.layer instanceof cls))
    throw new Error(
      `ONNX export of layer '${ctx.name}' (${ctx.className}): not an instance of @dlkit/audio's ${cls.name}`,
    );
  return ctx.layer;
}

/** x [B, N] → squared DFT parts [B, F, 2·bins] (the value name) and the bin count. */
export type SquaredSpectrumGraph = (ctx: OnnxLayerExportContext, layer: SpectralLayer) => { sq: string; bins: number };

/** x [B, N] → squared DFT parts [B, F, 2·bins]. */
function squaredSpectrum(ctx: OnnxLayerExportContext, layer: SpectralLayer): { sq: string; bins: number } {
  const { g, name } = ctx;
  const x = g.toLayout(ctx.inputs[0], null);
  const samples = x.shape[1];
  if (ctx.inputs.length !== 1 || x.shape.length !== 2 || typeof samples !== 'number') {
    throw new Error(
      `ONNX export of layer '${name}' (${ctx.className}): expected one input [batch, samples] with fixed samples, got [${x.shape}]`,
    );
  }
  const { indices, frames, basis, bins } = layer.spectralConstants(samples);
  const { nFft } = layer.settings;
  const padded = g.op(
    'Pad',
    [x.name, g.int64Constant([0, 0, 0, 1], `${name}/pads`)],
    { mode: onnxAttr.string('constant') },
    `${name}/Pad`,
  );
  const idx = g.int64Constant(Array.from(indices), `${name}/frame_indices`, [frames, nFft]);
  const framed = g.op('Gather', [padded, idx], { axis: onnxAttr.int(1) }, `${name}/frames`); // [B, F, nFft]
  const spectrum = g.op(
    'MatMul',
    [framed, g.initializer(`${name}/dft_basis`, basis, [nFft, 2 * bins])],
    {},
    `${name}/dft`,
  );
  return { sq: g.op('Mul', [spectrum, spectrum], {}, `${name}/squared`), bins };
}

const stftExporter: OnnxLayerExporter = (ctx) => {
  const { g, name } = ctx;
  const layer = layerOf(ctx, StftLayer);
  const { sq, bins } = squaredSpectrum(ctx, layer);
  const slice = (start: number, label: string) =>
    g.op(
      'Slice',
      [sq, g.int64Constant([start]), g.int64Constant([start + bins]), g.int64Constant([2])],
      {},
      `${name}/${label}`,
    );
  let out = g.op('Add', [slice(0, 're2'), slice(bins, 'im2')], {}, `${name}/power`);
  if (layer.power === 1) out = g.op('Sqrt', [out], {}, `${name}/magnitude`);
  return g.value(out, ctx.outputShapes[0], null);
};

/**
 * The log-mel dB graph of a LogMelLayer (or MfccLayer); returns the value name, [B, F, nMels].
 * `spectrum` builds the squared DFT parts (the fixed-length Gather framing by default).
 */
export function logMelGraph(
  ctx: OnnxLayerExportContext,
  layer: LogMelLayer,
  spectrum: SquaredSpectrumGraph = squaredSpectrum,
): string {
  const { g, name } = ctx;
  const { sq, bins } = spectrum(ctx, layer);
  const { nMels } = layer.mel;
  const { ref, amin, topDb } = layer.db;
  const mel = g.op(
    'MatMul',
    [sq, g.initializer(`${name}/mel_filterbank`, layer.melMatrix(), [2 * bins, nMels])],
    {},
    `${name}/mel`,
  );
  const clamped = g.op('Max', [mel, g.floatConstant([amin], `${name}/amin`)], {}, `${name}/clamp`);
  const ln = g.op('Log', [clamped], {}, `${name}/log`);
  let db = g.op('Mul', [ln, g.floatConstant([10 / Math.LN10], `${name}/ten_over_ln10`)], {}, `${name}/db`);
  const offset = 10 * Math.log10(Math.max(amin, ref));
  if (offset !== 0) db = g.op('Sub', [db, g.floatConstant([offset], `${name}/ref_db`)], {}, `${name}/ref`);
  if (topDb === null) return db;
  const top = g.reduce('ReduceMax', db, [1, 2], true, `${name}/max`);
  const floor = g.op('Sub', [top, g.floatConstant([topDb], `${name}/top_db`)], {}, `${name}/floor`);
  return g.op('Max', [db, floor], {}, `${name}/top_db_floor`);
}

const logMelExporter: OnnxLayerExporter = (ctx) =>
  ctx.g.value(logMelGraph(ctx, layerOf(ctx, LogMelLayer)), ctx.outputShapes[0], null);

const mfccExporter: OnnxLayerExporter = (ctx): OnnxValue => {
  const { g, name } = ctx;
  const layer = layerOf(ctx, MfccLayer);
  const dct = g.initializer(`${name}/dct`, layer.dctMatrix(), [layer.mel.nMels, layer.nMfcc]);
  return g.value(g.op('MatMul', [logMelGraph(ctx, layer), dct], {}, `${name}/MatMul`), ctx.outputShapes[0], null);
};

/** Exporters of audio's layers by tfjs class name, for `exportToOnnx(model, { exporters })`. */
export const AUDIO_ONNX_EXPORTERS: Record<string, OnnxLayerExporter> = {
  [StftLayer.className]: stftExporter,
  [LogMelLayer.className]: logMelExporter,
  [MfccLayer.className]: mfccExporter,
};
