/**
 * The wasm backend's own kernels, captured before dlkit replaces any of them, so that a dlkit
 * kernel can hand the cases it does not improve back to the stock implementation.
 *
 * tfjs-backend-wasm registers its kernels when it is imported (below), and dlkit registers its
 * replacements later, in initBackend; the stock kernel's setupFunc (its cwrap of the C++ entry
 * point) still runs because the replacement's config forwards it (see `withStockSetup`).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';

/** The stock wasm kernel registered under `name` at import time, or an error naming it. */
export function stockKernel(name: string): KernelConfig {
  const config = tf.getKernel(name, 'wasm');
  if (!config) throw new Error(`tfjs-backend-wasm has no stock kernel '${name}' to delegate to`);
  return { ...config };
}

/** A wasm kernel config whose setup also sets up the stock kernel it delegates to. */
export function withStockSetup(stock: KernelConfig, kernelFunc: KernelFunc): KernelConfig {
  return {
    kernelName: stock.kernelName,
    backendName: 'wasm',
    kernelFunc,
    ...(stock.setupFunc ? { setupFunc: stock.setupFunc } : {}),
    ...(stock.disposeFunc ? { disposeFunc: stock.disposeFunc } : {}),
  };
}
