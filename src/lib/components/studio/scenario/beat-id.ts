import { m } from '$lib/paraglide/messages';
import type { BeatDraft } from '$lib/engine/content/draft';
import { beatLabel, firstWords, type BeatIdProblem } from '$lib/engine/studio/scenario-edit';

/** The sentence a trainer reads for a beat's name (any language) or id (in the file) that cannot be used. */
export function beatIdMessage(problem: BeatIdProblem, field: 'name' | 'id'): string {
	if (field === 'id' && problem === 'empty') return m.studio_sc_id_empty_id();
	if (field === 'id' && problem === 'taken') return m.studio_sc_id_taken_id();
	return {
		empty: m.studio_sc_id_empty,
		format: m.studio_sc_id_format,
		digits: m.studio_sc_id_digits,
		long: m.studio_sc_id_long,
		taken: m.studio_sc_id_taken
	}[problem]();
}

/**
 * The beats as a chooser offers them (the first beat, a rule's "Go to"): each by its name and the
 * first words of its line; `self`, the beat being edited, as "this beat again". Two beats that read
 * alike are told apart by their ids.
 */
export function beatChoices(
	beats: Record<string, BeatDraft>,
	self?: string
): { value: string; label: string }[] {
	const ids = Object.keys(beats);
	const labels = new Map(ids.map((id) => [id, beatLabel(beats, id)]));
	const count = new Map<string, number>();
	for (const label of labels.values()) count.set(label, (count.get(label) ?? 0) + 1);
	return ids.map((id) => {
		const named = labels.get(id)!;
		const label = count.get(named)! > 1 ? `${named}${m.in_brackets({ text: id })}` : named;
		return {
			value: id,
			label:
				id === self
					? m.studio_sc_goto_self({ id: label })
					: `${label} · ${firstWords(beats[id]!.customer, 30) || m.studio_sc_no_line()}`
		};
	});
}
