export interface DiffLine {
	type: 'same' | 'added' | 'removed';
	text: string;
}

/** A line diff (longest common subsequence): what a reviewer reads between two revisions. */
export function lineDiff(before: string, after: string): DiffLine[] {
	const a = before.split('\n');
	const b = after.split('\n');
	const lengths: number[][] = Array.from({ length: a.length + 1 }, () =>
		new Array<number>(b.length + 1).fill(0)
	);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lengths[i]![j] =
				a[i] === b[j]
					? lengths[i + 1]![j + 1]! + 1
					: Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
		}
	}
	const lines: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			lines.push({ type: 'same', text: a[i]! });
			i++;
			j++;
		} else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
			lines.push({ type: 'removed', text: a[i++]! });
		} else {
			lines.push({ type: 'added', text: b[j++]! });
		}
	}
	while (i < a.length) lines.push({ type: 'removed', text: a[i++]! });
	while (j < b.length) lines.push({ type: 'added', text: b[j++]! });
	return lines;
}

/** Only the changed lines with `context` unchanged lines around each change. */
export function changesOnly(diff: readonly DiffLine[], context = 2): (DiffLine | null)[] {
	const keep = diff.map((line, i) =>
		diff.slice(Math.max(0, i - context), i + context + 1).some((l) => l.type !== 'same')
	);
	const out: (DiffLine | null)[] = [];
	diff.forEach((line, i) => {
		if (keep[i]) out.push(line);
		else if (out[out.length - 1] !== null) out.push(null);
	});
	return out;
}
