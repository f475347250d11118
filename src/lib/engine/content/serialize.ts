import { stringify } from 'yaml';
import { CONTENT_KINDS, type ContentItem } from './kinds';

/**
 * Writes an item back as its file. The output depends only on the item, so exporting what was
 * synced from these files gives these files again.
 */
export function serializeContentItem(item: ContentItem): string {
	const yaml = stringify(item.data, { lineWidth: 0, indent: 2 });
	if (!CONTENT_KINDS[item.kind].hasBody) return yaml;
	return `---\n${yaml}---\n${item.body}`;
}
