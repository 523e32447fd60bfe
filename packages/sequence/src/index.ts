// @dlkit/sequence: recurrent cells from scratch, character language models, time series,
// music generation, seq2seq with attention.
export const PACKAGE_NAME = '@dlkit/sequence';
export * from './cells';
export * from './music';
export * from './seq2seq';
export * from './textgen';
export * from './timeseries';
export * from './tokens';
