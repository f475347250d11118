import { Document, isSeq, isScalar, visit } from 'yaml';
import { CONTENT_KINDS, type ContentItem, type ContentKind } from './kinds';

const SHORT_WORD = /^[a-z0-9-]{1,40}$/;

/**
 * Writes an item back as its file. The output depends only on the item, so exporting what was
 * synced from these files gives these files again. Lists of ids and techniques are written on one
 * line (`knowledge: [a, b]`), as trainers write them.
 */
export function serializeContentItem(item: ContentItem): string {
	return writeContentFile(item.kind, item.data, item.body);
}

/** The file text of a kind's data and body, valid or not (the studio's forms write drafts with it). */
export function writeContentFile(kind: ContentKind, data: object, body: string): string {
	const doc = new Document(data);
	visit(doc, {
		Seq(_, node) {
			if (isSeq(node) && node.items.length > 0 && node.items.every((entry) => isScalar(entry) && typeof entry.value === 'string' && SHORT_WORD.test(entry.value))) {
				node.flow = true;
			}
		}
	});
	const yaml = doc.toString({ lineWidth: 0, indent: 2, flowCollectionPadding: false });
	if (!CONTENT_KINDS[kind].hasBody) return yaml;
	return `---\n${yaml}---\n${body}`;
}
