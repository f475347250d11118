import type { SessionUser } from '$lib/server/auth/session';
import type { Session } from '$lib/server/db/schema';

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
			/** Set by the access check: the page renders as 403. */
			forbidden: boolean;
		}
	}
}

export {};
