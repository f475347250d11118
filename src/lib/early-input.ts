/**
 * The other half of static/early-input.js: once the page is hydrated, the recording of what was
 * typed, picked, ticked or opened before stops, and each change that hydration wrote over is put
 * back. `input` and `change` are sent again for the fields restored, so that state bound to them
 * (bind:value, oninput) follows what the page shows.
 */
export function restoreEarlyInput(): void {
	const early = window.rehearseEarlyInput;
	if (!early || early.restored) return;
	early.stop();
	for (const [field, state] of early.changes) {
		if (!field.isConnected) continue;
		if ('open' in state) {
			if (field instanceof HTMLDetailsElement) field.open = state.open;
			continue;
		}
		let changed = false;
		if ('selected' in state && field instanceof HTMLSelectElement) {
			state.selected.forEach((selected, i) => {
				const option = field.options[i];
				if (option && option.selected !== selected) {
					option.selected = selected;
					changed = true;
				}
			});
		} else if ('checked' in state && field instanceof HTMLInputElement) {
			changed = field.checked !== state.checked;
			field.checked = state.checked;
		} else if (
			'value' in state &&
			(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)
		) {
			changed = field.value !== state.value;
			field.value = state.value;
		}
		if (!changed) continue;
		field.dispatchEvent(new Event('input', { bubbles: true }));
		field.dispatchEvent(new Event('change', { bubbles: true }));
	}
	early.changes.clear();
	early.restored = true;
}
