/**
 * Layers that are the identity at inference time (Dropout and the noise layers): no node at all,
 * the input value passes through with its layout.
 */
import { LayerExporter, singleInput } from './context';

export const identity: LayerExporter = (ctx) => singleInput(ctx);
