// Character-level language model ("Dinosaur Island"): corpora, baselines, model, training, sampling.
export * from './baselines';
export * from './corpus';
export * from './model';
export * from './sample';
export * from './saved';
export * from './sequences';
export * from './train';
