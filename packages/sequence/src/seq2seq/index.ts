// Seq2seq with attention (DLS course 5 week 3, "Neural machine translation").
export * from './attentionPlot';
export * from './dates';
export * from './model';
export * from './pairs';
export * from './train';
export * from './translator';
export * from './translate-date-task';
