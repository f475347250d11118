import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { SanitizedHtml } from '$lib/sanitized-html';
import { BoundedMap } from '../cache';

export interface TocEntry {
	id: string;
	text: string;
	depth: number;
}

export interface RenderedMarkdown {
	html: SanitizedHtml;
	toc: TocEntry[];
}

// Everything authored goes through here and nowhere else: Markdown to HTML, then an allowlist.
// Raw HTML in the source is escaped, not passed on; the sanitizer is the second wall.
const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: [
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'p',
		'br',
		'hr',
		'ul',
		'ol',
		'li',
		'strong',
		'em',
		'del',
		'code',
		'pre',
		'blockquote',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'a'
	],
	allowedAttributes: {
		a: ['href', 'title', 'rel'],
		h2: ['id'],
		h3: ['id'],
		h4: ['id'],
		h5: ['id'],
		h6: ['id'],
		table: ['tabindex'],
		th: ['align'],
		td: ['align'],
		ol: ['start']
	},
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'escape',
	transformTags: {
		h1: 'h2',
		a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
		// A wide table scrolls sideways inside the text (Markdown.svelte): it takes the focus, so the
		// keyboard can scroll it too (WCAG 2.1.1).
		table: (tagName) => ({ tagName, attribs: { tabindex: '0' } })
	}
};

function plainTextOf(tokens: Tokens.Generic[] | undefined): string {
	return (tokens ?? [])
		.map((token) =>
			'tokens' in token && token.tokens
				? plainTextOf(token.tokens as Tokens.Generic[])
				: (token.text ?? token.raw ?? '')
		)
		.join('');
}

// Rendering and sanitizing cost about a millisecond per entry, and the same few entries are read
// over and over. The output depends on the source text alone, so the source is the key: an edited
// entry is simply another key, and nothing can go stale.
const rendered = new BoundedMap<string, RenderedMarkdown>(500);

/**
 * Renders authored Markdown to safe HTML. Headings get ids (`section-1`, …) and are listed in
 * a table of contents; a page's own title is its h1, so a Markdown `#` heading becomes an h2.
 * Callers must not modify the result.
 */
export function renderMarkdown(markdown: string): RenderedMarkdown {
	return rendered.getOrBuild(markdown, () => renderOrShowAsText(markdown));
}

/**
 * The checks refuse Markdown that breaks the renderer (nesting thousands deep overflows its stack),
 * but text published before them, or a renderer bug, must not make a page fail for everyone: such
 * a text is shown as it is, escaped, and the cause goes to the log.
 */
function renderOrShowAsText(markdown: string): RenderedMarkdown {
	try {
		return renderUncached(markdown);
	} catch (cause) {
		console.error(
			`Markdown of ${markdown.length} characters could not be rendered; shown as text:`,
			cause
		);
		return { html: `<pre>${escapeHtml(markdown)}</pre>` as SanitizedHtml, toc: [] };
	}
}

function renderUncached(markdown: string): RenderedMarkdown {
	const toc: TocEntry[] = [];
	const marked = new Marked({ gfm: true, breaks: false, async: false });
	marked.use({
		renderer: {
			html({ text }) {
				return escapeHtml(text);
			},
			heading({ tokens, depth }) {
				const level = Math.max(2, depth);
				const id = `section-${toc.length + 1}`;
				toc.push({ id, text: plainTextOf(tokens as Tokens.Generic[]).trim(), depth: level });
				return `<h${level} id="${id}">${this.parser.parseInline(tokens)}</h${level}>\n`;
			}
		}
	});
	const raw = marked.parse(markdown) as string;
	return { html: sanitizeHtml(raw, SANITIZE) as SanitizedHtml, toc };
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}
