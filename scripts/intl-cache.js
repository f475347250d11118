// Paraglide's generated registry builds a new Intl.PluralRules (and NumberFormat, DateTimeFormat,
// RelativeTimeFormat) on every call of a message that counts or formats. Building one costs tens of
// microseconds, and a manager's weak-spot grid calls plural messages hundreds of times per view: it
// was a fifth of that page's CPU. The options come from the message files, so the set of distinct
// formatters is small and fixed, and each is built once.

const CONSTRUCTION =
	/new Intl\.(PluralRules|NumberFormat|DateTimeFormat|RelativeTimeFormat)\(locale, (\w+)\)/g;

const CACHE = `
const intlFormatters = new Map();
function cachedIntl(Kind, locale, options) {
	const key = Kind.name + ' ' + locale + ' ' + JSON.stringify(options ?? {});
	let formatter = intlFormatters.get(key);
	if (!formatter) intlFormatters.set(key, (formatter = new Kind(locale, options)));
	return formatter;
}
`;

/**
 * The registry's code with every Intl formatter built once per locale and options.
 * @param {string} code
 * @returns {string}
 */
export function cacheIntlFormatters(code) {
	let replaced = 0;
	const cached = code.replace(
		CONSTRUCTION,
		(_, /** @type {string} */ kind, /** @type {string} */ options) => {
			replaced++;
			return `cachedIntl(Intl.${kind}, locale, ${options})`;
		}
	);
	// A new Paraglide that writes the registry differently must not silently lose the cache.
	if (!cached.includes('cachedIntl(Intl.PluralRules'))
		throw new Error(
			`intl-cache: Paraglide's registry no longer builds Intl.PluralRules the expected way (${replaced} formatters matched); update scripts/intl-cache.js`
		);
	return CACHE + cached;
}

/** @returns {import('vite').Plugin} */
export function intlCachePlugin() {
	return {
		name: 'rehearse-intl-cache',
		transform(code, id) {
			if (!id.replace(/\\/g, '/').endsWith('/src/lib/paraglide/registry.js')) return null;
			return { code: cacheIntlFormatters(code), map: null };
		}
	};
}
