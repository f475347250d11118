/**
 * Data of a page rendered on the server only (`csr = false`), wrapped so that Kit does not copy it.
 *
 * Kit serialises every page's data into the HTML for hydration, even when a page has no script to
 * hydrate: on the managers' tables that unused copy cost about a tenth of the view. The `transport`
 * hook in `src/hooks.ts` writes a marker in its place. Reading the data in the browser is an error,
 * so a page that turns scripts back on has to drop the wrapper.
 */
export class ServerRendered<T> {
	constructor(readonly value: T) {}
}

export function serverRendered<T>(value: T): ServerRendered<T> {
	return new ServerRendered(value);
}
