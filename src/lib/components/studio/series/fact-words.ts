import { m } from '$lib/paraglide/messages';
import { formatList } from '$lib/labels';
import type { FactValue } from '$lib/engine/content/schemas';

/** A fact's value as the trainer reads it: yes and no for true and false, a text as it is. */
export function factValueText(value: FactValue): string {
	if (value === true) return m.studio_se_value_true();
	if (value === false) return m.studio_se_value_false();
	return value;
}

/** Calls by place (0-based), as words: "call 1 and call 3", or "no call". */
export function callsText(calls: readonly number[]): string {
	return calls.length === 0
		? m.studio_se_map_no_call()
		: formatList(calls.map((call) => m.studio_se_call_n({ n: call + 1 })));
}
