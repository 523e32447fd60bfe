// Multi-task learning: a shared trunk with several heads, weighted losses, masked missing labels.
export * from './masked-loss';
export * from './model';
export * from './train';
