// Transfer learning: freeze a trained backbone, attach a new head, train it, fine-tune the top layers.
export * from './freeze';
export * from './head';
export * from './recipe';
export * from './mnist-transfer';
export * from './chart';
export * from './shots-chart';
