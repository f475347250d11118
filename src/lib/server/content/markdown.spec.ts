import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

// Payloads from public XSS cheat sheets. None may leave anything executable in the output.
const XSS_PAYLOADS = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[click](vbscript:msgbox(1))',
	'![x](javascript:alert(1))',
	'<a href="javascript:alert(1)">x</a>',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<style>body{display:none}</style>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
	'<details open ontoggle=alert(1)>',
	'[x](&#106;avascript:alert(1))',
	'<a href="&#x6A;avascript:alert(1)">x</a>',
	'## Heading <img src=x onerror=alert(1)>',
	'| a |\n|---|\n| <script>alert(1)</script> |',
	'`<script>` in code is fine',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<base href="javascript:alert(1)//">',
	'<link rel=stylesheet href=evil.css>'
];

const SAFE_TAGS = [
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
];

describe('renderMarkdown', () => {
	it('renders headings, lists, tables and emphasis', () => {
		const { html } = renderMarkdown(
			'## Why\n\n- **bold** and *em*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'
		);
		expect(html).toContain('<h2 id="section-1">Why</h2>');
		expect(html).toContain('<strong>bold</strong>');
		// Focusable, so that a table wider than the page can be scrolled with the keyboard.
		expect(html).toContain('<table tabindex="0">');
		expect(html).toContain('<td>2</td>');
	});

	it('builds a table of contents from the headings, a # heading counting as h2', () => {
		const { toc, html } = renderMarkdown('# Top\n\n## 客戶為什麼這樣說\n\n### Details *here*\n');
		expect(toc).toEqual([
			{ id: 'section-1', text: 'Top', depth: 2 },
			{ id: 'section-2', text: '客戶為什麼這樣說', depth: 2 },
			{ id: 'section-3', text: 'Details here', depth: 3 }
		]);
		expect(html).not.toContain('<h1');
	});

	it('shows Markdown that overflows the renderer as escaped text instead of failing the page', () => {
		const text = '<script>alert(1)</script>\n' + '> '.repeat(50_000);
		const { html, toc } = renderMarkdown(text);
		expect(html.startsWith('<pre>&lt;script&gt;alert(1)&lt;/script&gt;\n&gt; &gt; ')).toBe(true);
		expect(html).not.toContain('<script');
		expect(toc).toEqual([]);
	});

	it('shows raw HTML as text instead of running it', () => {
		expect(renderMarkdown('<script>alert(1)</script>').html).toContain(
			'&lt;script&gt;alert(1)&lt;/script&gt;'
		);
		expect(renderMarkdown('[click](javascript:alert(1))').html).not.toContain('href');
	});

	it('keeps ordinary links, with rel=noopener', () => {
		expect(renderMarkdown('[MetalHub](https://metalhub.example.tw)').html).toContain(
			'<a href="https://metalhub.example.tw" rel="noopener noreferrer">MetalHub</a>'
		);
	});

	it.each(XSS_PAYLOADS)('leaves nothing executable from %s', (payload) => {
		const { html } = renderMarkdown(payload);
		// Escaped text (&lt;script&gt;) is inert; only real tags and their attributes matter.
		const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)];
		expect(html.match(/</g)?.length ?? 0).toBe(tags.length);
		for (const [, name, attributes] of tags) {
			expect(SAFE_TAGS).toContain(name!.toLowerCase());
			expect(attributes).not.toMatch(/\bon\w+\s*=/i);
			expect(attributes).not.toMatch(/\bstyle\s*=/i);
			expect(attributes).not.toMatch(/(javascript|vbscript|data):/i);
		}
	});
});
