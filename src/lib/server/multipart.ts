// A multipart/form-data body split into its parts, without copying them: for the forms that carry
// a recording (`readFormWithFile`), and for the fake transcription server of the tests and the
// benchmark. No imports beyond Node's, so that both can load it.

/** The boundary a multipart content type names (quoted or not), or null. */
export function boundaryOf(contentType: string): string | null {
	const found = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
	return found ? (found[1] ?? found[2]!) : null;
}

export interface MultipartPart {
	name: string;
	filename: string | null;
	type: string;
	content: Buffer;
}

const CRLF = Buffer.from('\r\n');
/** How a browser escapes a quote and line breaks in a field's name or file name (HTML's rules). */
const decodeName = (text: string) =>
	text.replace(/%22|%0D|%0A/gi, (code) => decodeURIComponent(code));

/**
 * The parts of a multipart/form-data body (RFC 7578), each a view of the body; null when it is not
 * one: no opening boundary, a part without its headers' end, its name or a closing boundary.
 */
export function multipartParts(body: Buffer, boundary: string): MultipartPart[] | null {
	const between = Buffer.from(`\r\n--${boundary}`);
	// The first boundary has no line break before it (a preamble before it is skipped).
	let at = body.indexOf(between.subarray(2));
	if (at < 0 || (at > 0 && body.indexOf(between) !== at - 2)) return null;
	at += between.length - 2;
	const parts: MultipartPart[] = [];
	for (;;) {
		if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
		if (!body.subarray(at, at + 2).equals(CRLF)) return null;
		const headersEnd = body.indexOf('\r\n\r\n', at + 2);
		if (headersEnd < 0) return null;
		const contentEnd = body.indexOf(between, headersEnd + 4);
		if (contentEnd < 0) return null;
		let disposition = '';
		let type = '';
		for (const line of body.toString('utf8', at + 2, headersEnd).split('\r\n')) {
			const colon = line.indexOf(':');
			const header = line.slice(0, colon).trim().toLowerCase();
			if (header === 'content-disposition') disposition = line.slice(colon + 1);
			else if (header === 'content-type') type = line.slice(colon + 1).trim();
		}
		const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition);
		if (!/^\s*form-data\s*(;|$)/i.test(disposition) || !name) return null;
		const filename = /;\s*filename="([^"]*)"/i.exec(disposition);
		parts.push({
			name: decodeName(name[1]!),
			filename: filename ? decodeName(filename[1]!) : null,
			type,
			content: body.subarray(headersEnd + 4, contentEnd)
		});
		at = contentEnd + between.length;
	}
}
