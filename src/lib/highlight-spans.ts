/** A piece of displayed text; `match` pieces are what scoring found. */
export interface TextPart {
	text: string;
	match: boolean;
}

/** Splits `text` into parts, marking the characters covered by any of `spans`. */
export function partsFromSpans(
	text: string,
	spans: readonly (readonly [number, number])[]
): TextPart[] {
	const marks = new Array<boolean>(text.length).fill(false);
	for (const [start, end] of spans)
		for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) marks[i] = true;
	const parts: TextPart[] = [];
	for (let i = 0; i < text.length; i++) {
		const last = parts[parts.length - 1];
		if (last && last.match === marks[i]) last.text += text[i];
		else parts.push({ text: text[i]!, match: marks[i]! });
	}
	return parts;
}
