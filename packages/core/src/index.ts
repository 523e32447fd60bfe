// Public surface of @dlkit/core. One line per module; keep it sorted by folder.
export * from './backend/init';
export * from './data/rng';
export * from './io/atomic';
export * from './io/filesystem';
export * from './optim/schedules';
