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

/**
 * The routes whose pages use serverRendered() (a unit test keeps this list whole). Their data cannot
 * be read in the browser, so the root layout turns a client-side navigation to one of them into a
 * full page load: a link to one of them from a page that runs scripts would otherwise fail.
 */
export const SERVER_RENDERED_ROUTES: ReadonlySet<string> = new Set([
	'/(app)/practice',
	'/(app)/team/dashboard',
	'/(app)/team/weak-spots',
	'/(app)/team/cohorts/[id]',
	'/(app)/team/reps/[repId]',
	'/(app)/team/deals'
]);
