import type { ContentKind, ContentLocale } from '../content';
import { toBeatId } from './scenario-edit';

/**
 * What a new item starts from in the studio, in the item's language. Each template is valid except
 * for its placeholders: sentences that say what to write ("What the customer says, in their
 * words."). They cannot be published (see placeholdersIn), so a trainer who leaves one in finds out
 * before any rep reads it. Values that are fine as they are (a scenario's sample call, a rubric's
 * anchor words, "Day 1") are not placeholders.
 */

interface Words {
	objection: string;
	variant: string;
	answer: string;
	secondAnswer: string;
	why: string;
	mistake: string;
	summary: string;
	section: string;
	paragraph: string;
	criterion: string;
	anchors: [string, string, string, string, string];
	day: (n: number) => string;
	module: string;
	question: string;
	options: [string, string];
	explanation: string;
	scenario: {
		name: string;
		role: string;
		company: string;
		hello: string;
		point: string;
		cues: string;
		again: string;
		won: string;
		lost: string;
		good: string;
		bad: string;
		beatNames?: { greet: string; won: string; lost: string };
	};
	lexicon: { meaning: string; phrases: string };
}

const WORDS: Record<ContentLocale, Words> = {
	en: {
		objection: 'What the customer says, in their words.',
		variant: 'Another way the customer says it.',
		answer: 'A recommended answer, as a rep would say it.',
		secondAnswer: 'A second recommended answer.',
		why: 'Why this answer works.',
		mistake: 'A common mistake, and why it hurts.',
		summary: 'One sentence on what a rep learns here.',
		section: 'First section',
		paragraph: 'What a rep needs to know.',
		criterion: 'First criterion',
		anchors: ['Poor', 'Weak', 'Fair', 'Good', 'Excellent'],
		day: (n) => `Day ${n}`,
		module: 'Module title',
		question: 'Write the question.',
		options: ['First option', 'Second option'],
		explanation: 'Why this is the right answer.',
		scenario: {
			name: 'Mr. Lee',
			role: 'Owner',
			company: 'Lee Hardware',
			hello: 'Hello?',
			point: 'Says who they are',
			cues: '[my name, this is]',
			again: 'Sorry, who is this?',
			won: 'All right, send me the details.',
			lost: 'No thanks.',
			good: 'Hello Mr. Lee, my name is Kevin from MetalHub. Do you have a minute?',
			bad: 'Buy now.'
		},
		lexicon: {
			meaning: 'Asks when suits them',
			phrases: '[when suits you, a good time, when are you free]'
		}
	},
	'zh-TW': {
		objection: '客戶怎麼說，照他的原話寫。',
		variant: '客戶的另一種說法。',
		answer: '建議的回答，照業務會說的話寫。',
		secondAnswer: '第二個建議的回答。',
		why: '為什麼這樣回答有效。',
		mistake: '常見的錯誤，以及為什麼不好。',
		summary: '一句話：業務在這裡學到什麼。',
		section: '第一節',
		paragraph: '業務需要知道的內容。',
		criterion: '第一項標準',
		anchors: ['差', '弱', '尚可', '好', '優秀'],
		day: (n) => `第 ${n} 天`,
		module: '單元名稱',
		question: '寫下題目。',
		options: ['第一個選項', '第二個選項'],
		explanation: '為什麼這是正確答案。',
		scenario: {
			name: '王經理',
			role: '老闆',
			company: '五金行',
			hello: '喂？哪位？',
			point: '說明自己是誰',
			cues: '[我是, 敝姓]',
			again: '你到底是哪位？',
			won: '好，你把資料寄過來。',
			lost: '不用了，謝謝。',
			good: '王經理您好，我是機械五金網的小陳，想請教您一分鐘。',
			bad: '要不要買我們的會員？',
			beatNames: { greet: '開場', won: '成交', lost: '沒成' }
		},
		lexicon: { meaning: '問什麼時候方便', phrases: '[什麼時候方便, 幾點比較好, 哪天有空]' }
	}
};

/** The placeholders of a kind in a language: texts a trainer must replace before publishing. */
export function placeholdersOf(kind: ContentKind, locale: ContentLocale): string[] {
	const w = WORDS[locale];
	const byKind: Record<ContentKind, string[]> = {
		script: [w.objection, w.variant, w.answer, w.secondAnswer, w.why, w.mistake],
		article: [w.summary, w.section, w.paragraph],
		scenario: [],
		rubric: [w.criterion],
		curriculum: [w.module],
		quiz: [w.question, ...w.options, w.explanation],
		lexicon: [],
		series: []
	};
	return byKind[kind];
}

/** A title as a YAML value: quoted, so that a colon or a bracket in it is just text. */
const yamlText = (text: string) => JSON.stringify(text);

/** A new item of a kind, in its language, with the trainer's title. */
export function templateFor(
	kind: ContentKind,
	id: string,
	locale: ContentLocale,
	title: string
): string {
	const w = WORDS[locale];
	const t = yamlText(title);
	switch (kind) {
		case 'script':
			return `---\nid: ${id}\ntitle: ${t}\ncategory: price\nobjection: ${w.objection}\nvariants:\n  - ${w.variant}\nanswers:\n  - text: ${w.answer}\n    techniques: [acknowledge, ask]\n    why: ${w.why}\n  - text: ${w.secondAnswer}\n    techniques: [evidence]\n    why: ${w.why}\nmistakes:\n  - ${w.mistake}\nknowledge: []\n---\n`;
		case 'article':
			return `---\nid: ${id}\ntitle: ${t}\ncategory: product\nsummary: ${w.summary}\nscripts: []\n---\n## ${w.section}\n\n${w.paragraph}\n`;
		case 'rubric': {
			const anchors = w.anchors.map((anchor, i) => `${i + 1}: ${anchor}`).join(', ');
			return `id: ${id}\ntitle: ${t}\ncriteria:\n  - id: opening\n    title: ${w.criterion}\n    weight: 100\n    anchors: { ${anchors} }\n`;
		}
		case 'curriculum': {
			const day = (n: number) =>
				`  - title: ${w.day(n)}\n    modules:\n      - { type: read, title: ${w.module}, items: [] }\n`;
			return `id: ${id}\ntitle: ${t}\ndays:\n${day(1)}${day(2)}${day(3)}`;
		}
		case 'quiz':
			return `id: ${id}\ntitle: ${t}\npass: 80\nitems:\n  - type: choice\n    question: ${w.question}\n    options: [${w.options.join(', ')}]\n    answer: 1\n    explanation: ${w.explanation}\n`;
		case 'lexicon':
			return `id: ${id}\ntitle: ${t}\nintents:\n  - id: ask-a-good-time\n    meaning: ${w.lexicon.meaning}\n    phrases: ${w.lexicon.phrases}\n`;
		case 'series': {
			// Two calls with the same customer; the trainer picks the scenarios (the checker names
			// the ones that do not exist) and words the call notes of the facts they set.
			const s = w.scenario;
			return `id: ${id}\ntitle: ${t}\npersona: { name: ${s.name}, role: ${s.role}, company: ${s.company} }\ncalls:\n  - { scenario: first-call }\n  - { scenario: follow-up, daysAfter: 3 }\nnotes: {}\n`;
		}
		case 'scenario': {
			// A call that already works: one opening beat with the usual rules (a good reply wins, a
			// weak one gets a second try, then the call is lost) and the two endings. The trainer changes it.
			const s = w.scenario;
			// The beats' ids are the file's; in a language other than English they also get names a trainer reads.
			const named = (beat: 'greet' | 'won' | 'lost') =>
				s.beatNames ? `name: ${s.beatNames[beat]}, ` : '';
			const greetName = s.beatNames ? `    name: ${s.beatNames.greet}\n` : '';
			return `id: ${id}\ntitle: ${t}\npersona: { name: ${s.name}, role: ${s.role}, company: ${s.company} }\nminutes: 8\npass: 70\ncriteria: [opening]\nstart: greet\nbeats:\n  greet:\n${greetName}    customer: ${s.hello}\n    expect:\n      - { point: ${s.point}, criterion: opening, weight: 1, cues: ${s.cues} }\n    next:\n      - { minScore: 0.7, goto: won }\n      - { maxTries: 2, goto: greet, say: "${s.again}" }\n      - { goto: lost }\n  won: { ${named('won')}end: won, customer: "${s.won}" }\n  lost: { ${named('lost')}end: lost, customer: "${s.lost}" }\nexamples:\n  good:\n    - ${s.good}\n  bad:\n    - ${s.bad}\n`;
		}
	}
}

/** A placeholder left in an item's text, and its line (from 1). */
export interface PlaceholderLeft {
	line: number;
	placeholder: string;
}

/**
 * The values of a line of YAML or Markdown, as a trainer wrote them: `key: value`, `- value`,
 * `- key: value`, `key: [a, b]`, `{ key: value, … }`, a `## heading`, or plain text, unquoted.
 */
function valuesOfLine(line: string): string[] {
	const unquote = (value: string) =>
		value
			.trim()
			.replace(/^(["'])(.*)\1$/, '$2')
			.trim();
	const text = line
		.trim()
		.replace(/^-\s+/, '')
		.replace(/^#+\s+/, '');
	const flow = /^(?:[\w-]+:\s*)?[[{](.*)[\]}]$/.exec(text);
	if (flow) return flow[1]!.split(',').map((part) => unquote(part.replace(/^\s*[\w-]+:\s/, '')));
	return [unquote(text), unquote(text.replace(/^[\w-]+:\s*/, ''))];
}

/** Every placeholder of the kind's template still in the text, by line. */
export function placeholdersIn(
	kind: ContentKind,
	locale: ContentLocale,
	text: string
): PlaceholderLeft[] {
	const placeholders = new Set(placeholdersOf(kind, locale));
	if (placeholders.size === 0) return [];
	const left: PlaceholderLeft[] = [];
	text.split('\n').forEach((line, index) => {
		for (const value of new Set(valuesOfLine(line)))
			if (placeholders.has(value)) left.push({ line: index + 1, placeholder: value });
	});
	return left;
}

const ID_LENGTH = 80;

/**
 * The id a new item gets from its title when the trainer gives none: the title's ASCII words
 * ("Too expensive" → too-expensive), else the kind and a number (a Chinese title: scenario-3).
 * Never an id already used by an item of the kind in any language: the same id in two languages is
 * one item in both, which only a trainer who means it should choose.
 */
export function proposeId(kind: ContentKind, title: string, taken: ReadonlySet<string>): string {
	const words = toBeatId(title)
		.slice(0, ID_LENGTH - 3)
		.replace(/-+$/, '');
	const base = words.length >= 2 ? words : kind;
	if (base === words && !taken.has(base)) return base;
	for (let n = base === words ? 2 : 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
