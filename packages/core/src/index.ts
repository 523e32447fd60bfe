// Public surface of @dlkit/core. One line per module; keep it sorted by folder.
export * from './backend/init';
export * from './data/batches';
export * from './data/rng';
export * from './data/synthetic';
export * from './dls';
export * from './io/atomic';
export * from './io/filesystem';
export * from './io/onnx';
export * from './optim';
export * from './scratch';
export * from './train';
export * from './util/options';
export * from './util/svg';
