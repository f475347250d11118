import type { ContentProblem, FieldPath } from '$lib/engine/content';

/** A checker's problem with the field its line belongs to, so a form can show it beside that field. */
export type FormProblem = ContentProblem & { path: FieldPath };

/**
 * Keeps Enter in a one-line field from submitting the editor's form (its first button publishes):
 * in a form of many small fields, Enter means "done with this field", not "publish".
 */
export function noImplicitSubmit(node: HTMLElement): () => void {
	const onKeydown = (event: KeyboardEvent): void => {
		if (
			event.key === 'Enter' &&
			event.target instanceof HTMLInputElement &&
			!['checkbox', 'radio', 'submit', 'button'].includes(event.target.type)
		)
			event.preventDefault();
	};
	node.addEventListener('keydown', onKeydown);
	return () => node.removeEventListener('keydown', onKeydown);
}
