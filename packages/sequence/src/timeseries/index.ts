// Time-series prediction (issue 4, section 3): CSV series, windows, train-only scaling,
// baselines, the LSTM/GRU forecaster, the forecast plot and the whole experiment.
export * from './baselines';
export * from './csv';
export * from './forecaster';
export * from './plot';
export * from './runForecast';
export * from './windows';
