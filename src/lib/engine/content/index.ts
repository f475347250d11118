export * from './kinds';
export * from './schemas';
export { parseContentFile, locateContentFile } from './parse';
export { checkContentFiles, type ContentFile, type CheckedContent } from './check';
export { serializeContentItem } from './serialize';
