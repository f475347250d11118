export * from './kinds';
export * from './schemas';
export { parseContentFile, locateContentFile } from './parse';
export { checkContentFiles, type ContentFile, type CheckedContent } from './check';
export { serializeContentItem } from './serialize';
export { readDraft, writeDraft, type ContentCatalog, type Draft, type DraftData, type DraftRead, type BeatDraft, type KeyPointDraft, type PitfallDraft, type RuleDraft } from './draft';
export * from './limits';
