import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';
import type { Locale } from '$lib/paraglide/runtime';

declare global {
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
