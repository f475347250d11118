/**
 * Whether `value` is one of `values`: the one type guard for a string read from a form, a URL, a
 * file or the database that must be one of a fixed list (roles, modes, outcomes …).
 */
export function isOneOf<const T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}
