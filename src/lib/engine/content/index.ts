export * from './kinds';
export * from './problems';
export * from './schemas';
export { parseContentFile, locateContentFile } from './parse';
export { checkContentFiles, citationsOf, NOTHING_PUBLISHED, type ContentFile, type CheckedContent, type Published } from './check';
export { serializeContentItem } from './serialize';
export { readDraft, writeDraft, type ContentCatalog, type Draft, type DraftData, type DraftRead, type BeatDraft, type KeyPointDraft, type PitfallDraft, type RuleDraft } from './draft';
export * from './limits';
