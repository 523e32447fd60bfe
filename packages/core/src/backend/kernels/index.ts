/**
 * The table of kernels that dlkit registers on (or replaces in) the wasm backend.
 * One file per kernel; add a row here to register a new one.
 */
import type { KernelConfig } from '@tensorflow/tfjs';

export const EXTRA_WASM_KERNELS: KernelConfig[] = [];
