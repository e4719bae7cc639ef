export * from './cover';
export * from './import-agenda';
export * from './import-result';
export * from './line-join';
export { splitSourceText, type SourceLine, type SourceText } from './source-lines';
