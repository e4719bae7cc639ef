export * from './export-data';
export * from './agenda-export-data';
export * from './pdf-export-error';
export * from './pdf-exporter';
export type * from './typst-compiler';
