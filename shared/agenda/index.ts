export * from './agenda-builders';
export * from './agenda-file';
export * from './agenda-id';
export * from './case-line';
export * from './kkr-template';
export * from './meeting-facts';
export * from './numbering';
export * from './ydoc-agenda';
