export * from './sampling';
export * from './vocabulary';
