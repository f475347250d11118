// For tests only: accounts made in one line, returned as the signed-in user the server code takes.
import type { Db } from '../db';
import { insertUser } from '../accounts/users';
import type { SessionUser } from '../auth/session';
import type { Role } from '$lib/roles';

export function peopleIn(db: Db): (name: string, roles: Role[]) => SessionUser {
	return (name, roles) => {
		const user = insertUser(db, { email: `${name}@example.com`, name, passwordHash: 'x', roles });
		return { id: user.id, email: user.email, name, locale: null, roles };
	};
}
