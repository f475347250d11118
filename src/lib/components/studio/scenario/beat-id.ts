import { m } from '$lib/paraglide/messages';
import type { BeatIdProblem } from '$lib/engine/studio/scenario-edit';

/** The sentence a trainer reads for a beat name that cannot be used. */
export function beatIdMessage(problem: BeatIdProblem): string {
	return { empty: m.studio_sc_id_empty, format: m.studio_sc_id_format, digits: m.studio_sc_id_digits, long: m.studio_sc_id_long, taken: m.studio_sc_id_taken }[problem]();
}
