// Recurrent cells of the from-scratch engine (DLS course 5 week 1): SimpleRNN, LSTM and GRU with
// explicit backpropagation through time, a per-time-step Dense, gradient clipping, and the
// tfjs-layers recurrent layers with the weight mapping between the two.
export * from './clip';
export * from './clippedOptimizer';
export * from './gru';
export * from './lstm';
export * from './recurrent';
export * from './simpleRnn';
export * from './tfjs-recurrent';
export * from './timeDistributedDense';
export * from './scratchToTfjs';
export * from './checkReport';
