// What someone types, picks, ticks or opens before the page's scripts have run. Hydration writes
// every server-rendered value, checked state and <details> open state back into the page
// (sveltejs/kit#8895), so on a slow phone a date typed or a disclosure opened in the first seconds
// would silently go back. This file runs before anything else and only records; once the page is
// hydrated, src/lib/early-input.ts stops the recording and puts the changes back. A plain script
// from the site itself, so the content security policy allows it like the app's own code.
(function () {
	var changes = new Map();
	function note(event) {
		var field = event.target;
		var state;
		if (field instanceof HTMLDetailsElement) state = { open: field.open };
		else if (field instanceof HTMLSelectElement)
			state = {
				selected: Array.prototype.map.call(field.options, function (option) {
					return option.selected;
				})
			};
		else if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
			state = { checked: field.checked };
		else if (
			(field instanceof HTMLInputElement && field.type !== 'file') ||
			field instanceof HTMLTextAreaElement
		)
			state = { value: field.value };
		else return;
		// The latest change of a field is the one kept, in the order they last happened (radios).
		changes.delete(field);
		changes.set(field, state);
	}
	var kinds = ['input', 'change', 'toggle'];
	kinds.forEach(function (kind) {
		document.addEventListener(kind, note, true);
	});
	window.rehearseEarlyInput = {
		changes: changes,
		stop: function () {
			kinds.forEach(function (kind) {
				document.removeEventListener(kind, note, true);
			});
		}
	};
})();
