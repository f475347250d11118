import { tick } from 'svelte';

/**
 * After a list's buttons moved, removed or added an entry, focus goes where a keyboard user
 * expects: the same button on the moved entry (so pressing it again keeps moving it), else the
 * entry's heading or first input, else the list's add button. Lists nest (a question's options
 * inside a quiz's questions), so only the list's own entries and buttons count.
 */
export async function focusEntry(
	root: HTMLElement | undefined,
	index: number,
	control?: string
): Promise<void> {
	await tick();
	if (!root) return;
	const entry = root.querySelector(`:scope > ol > [data-entry="${index}"]`);
	const own = (
		selector: string,
		within: Element | null,
		owner: Element | null
	): HTMLElement | undefined =>
		[...(within?.querySelectorAll<HTMLElement>(selector) ?? [])].find(
			(element) =>
				element.parentElement?.closest('[data-entry], .object-list, .text-list') === owner
		);
	const target =
		(control ? own(`[data-control="${control}"]:not(:disabled)`, entry, entry) : undefined) ??
		own('[data-heading], input, textarea', entry, entry) ??
		own('[data-add]', root, root);
	target?.focus();
}
