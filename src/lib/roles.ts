import { isOneOf } from '$lib/engine/one-of';

/** Roles a user may hold; one user may hold several. */
export const ROLES = ['admin', 'trainer', 'manager', 'rep'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return isOneOf(ROLES, value);
}

export const LOCALES = ['en', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
	return isOneOf(LOCALES, value);
}
