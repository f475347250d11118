/**
 * HTML that the server's Markdown renderer ($lib/server/content/markdown) made: raw HTML in the
 * source escaped, the output sanitized with an allowlist. Only that renderer creates values of this
 * type, so a component that shows HTML takes this type, never a plain string.
 */
export type SanitizedHtml = string & { readonly __sanitizedBy: 'renderMarkdown' };
