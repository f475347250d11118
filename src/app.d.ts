import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';
import type { Locale } from '$lib/paraglide/runtime';

/** A field's state as static/early-input.js recorded it before hydration. */
type EarlyFieldState =
	{ open: boolean } | { selected: boolean[] } | { checked: boolean } | { value: string };

declare global {
	interface Window {
		/** Set by static/early-input.js; read once by `restoreEarlyInput` (src/lib/early-input.ts). */
		rehearseEarlyInput?: {
			changes: Map<Element, EarlyFieldState>;
			stop(): void;
			restored?: boolean;
		};
	}
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			demo: boolean;
			/** The language of this request's pages and messages. */
			locale: Locale;
			/** Set by the access check: the page renders as 403. */
			forbidden: boolean;
		}
	}
}

export {};
