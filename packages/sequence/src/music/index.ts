// Music generation (issue 4 section 4): note-event tokens, MIDI in/out, the shipped corpus,
// the melody LSTM, sampling, the pitch-class metric, a WAV synthesiser and piano rolls.
export * from './corpus';
export * from './events';
export * from './generate';
export * from './metrics';
export * from './midi';
export * from './model';
export * from './notation';
export * from './pianoRoll';
export * from './synth';
export * from './tokenize';
export * from './train';
