/**
 * ONNX export of DynamicLogMelLayer, with a free number of samples: the framing and DFT are one
 * strided Conv (kernels = DFT basis columns), then the LogMelLayer graph of graph/onnx-exporters.ts.
 * `SPEECH_ONNX_EXPORTERS` is audio's exporter table plus this layer, for core's `exporters` option.
 *
 * @example
 * const bytes = exportToOnnx(model, { exporters: SPEECH_ONNX_EXPORTERS }); // model starts with a DynamicLogMelLayer
 */
import { onnxAttr, type OnnxLayerExportContext, type OnnxLayerExporter } from '@dlkit/core';
import { AUDIO_ONNX_EXPORTERS, logMelGraph } from '../graph/onnx-exporters';
import type { SpectralLayer } from '../graph/spectral-layer';
import { DynamicLogMelLayer } from './dynamic-log-mel-layer';

/** x [B, N] (N free) → squared DFT parts [B, F, 2·bins] through Pad → Conv → Transpose → Mul. */
function convSpectrum(ctx: OnnxLayerExportContext, layer: SpectralLayer): { sq: string; bins: number } {
  const { g, name } = ctx;
  const x = g.toLayout(ctx.inputs[0], null);
  if (ctx.inputs.length !== 1 || x.shape.length !== 2)
    throw new Error(`ONNX export of layer '${name}' (${ctx.className}): expected one input [batch, samples]`);
  const { nFft, hop } = layer.settings;
  const { basis, bins } = layer.spectralConstants(nFft); // the basis does not depend on the length
  const half = Math.floor(nFft / 2);
  const padded = g.op(
    'Pad',
    [x.name, g.int64Constant([0, half, 0, half], `${name}/pads`)],
    { mode: onnxAttr.string('constant') },
    `${name}/Pad`,
  ); // [B, N + 2·half]
  const channel = g.op('Unsqueeze', [padded, g.int64Constant([1], `${name}/axis1`)], {}, `${name}/channel`); // [B, 1, N']
  const kernels = new Float32Array(2 * bins * nFft); // [2·bins, 1, nFft] = basisᵀ
  for (let j = 0; j < nFft; j++) for (let m = 0; m < 2 * bins; m++) kernels[m * nFft + j] = basis[j * 2 * bins + m];
  const conv = g.op(
    'Conv',
    [channel, g.initializer(`${name}/dft_kernels`, kernels, [2 * bins, 1, nFft])],
    { kernel_shape: onnxAttr.ints([nFft]), strides: onnxAttr.ints([hop]) },
    `${name}/dft`,
  ); // [B, 2·bins, F]
  const spectrum = g.op('Transpose', [conv], { perm: onnxAttr.ints([0, 2, 1]) }, `${name}/frames_first`); // [B, F, 2·bins]
  return { sq: g.op('Mul', [spectrum, spectrum], {}, `${name}/squared`), bins };
}

const dynamicLogMelExporter: OnnxLayerExporter = (ctx) => {
  if (!(ctx.layer instanceof DynamicLogMelLayer))
    throw new Error(`ONNX export of layer '${ctx.name}' (${ctx.className}): not @dlkit/audio's DynamicLogMelLayer`);
  return ctx.g.value(logMelGraph(ctx, ctx.layer, convSpectrum), ctx.outputShapes[0], null);
};

/** audio's exporters plus DynamicLogMelLayer's, by tfjs class name. */
export const SPEECH_ONNX_EXPORTERS: Record<string, OnnxLayerExporter> = {
  ...AUDIO_ONNX_EXPORTERS,
  [DynamicLogMelLayer.className]: dynamicLogMelExporter,
};
