import type * as v from 'valibot';
import { articleSchema, curriculumSchema, lexiconSchema, quizSchema, rubricSchema, scenarioSchema, scriptSchema, seriesSchema } from './schemas';
import type { Article, Curriculum, Lexicon, Quiz, Rubric, Scenario, Script, Series } from './schemas';
import type { DescribedProblem } from './problems';

export const CONTENT_LOCALES = ['en', 'zh-TW'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/** Where each kind lives under `content/<locale>/`, and whether its file has a Markdown body. */
export const CONTENT_KINDS = {
	script: { folder: 'scripts', extension: '.md', schema: scriptSchema, hasBody: true },
	article: { folder: 'knowledge', extension: '.md', schema: articleSchema, hasBody: true },
	scenario: { folder: 'scenarios', extension: '.yaml', schema: scenarioSchema, hasBody: false },
	rubric: { folder: 'rubrics', extension: '.yaml', schema: rubricSchema, hasBody: false },
	curriculum: { folder: 'curricula', extension: '.yaml', schema: curriculumSchema, hasBody: false },
	quiz: { folder: 'quizzes', extension: '.yaml', schema: quizSchema, hasBody: false },
	lexicon: { folder: 'lexicon', extension: '.yaml', schema: lexiconSchema, hasBody: false },
	series: { folder: 'series', extension: '.yaml', schema: seriesSchema, hasBody: false }
} as const satisfies Record<string, { folder: string; extension: string; schema: v.GenericSchema; hasBody: boolean }>;

export type ContentKind = keyof typeof CONTENT_KINDS;
export const CONTENT_KIND_NAMES = Object.keys(CONTENT_KINDS) as ContentKind[];

export interface ContentData {
	script: Script;
	article: Article;
	scenario: Scenario;
	rubric: Rubric;
	curriculum: Curriculum;
	quiz: Quiz;
	lexicon: Lexicon;
	series: Series;
}

/** One authored item: a file under content/, or a row in the database. */
export type ContentItem<K extends ContentKind = ContentKind> = {
	[P in K]: { kind: P; locale: ContentLocale; id: string; data: ContentData[P]; body: string };
}[K];

export function contentPath(item: Pick<ContentItem, 'kind' | 'locale' | 'id'>): string {
	const kind = CONTENT_KINDS[item.kind];
	return `${item.locale}/${kind.folder}/${item.id}${kind.extension}`;
}

/**
 * A problem in a content file, located for the person who has to fix it: its code and values say
 * what it is (for the studio's text), `message` says it in English (for `content:check`).
 */
export type ContentProblem = { file: string; line: number } & DescribedProblem;

/** `file:line: message`, as `content:check` prints it (other line-by-line checks print theirs the same way). */
export function formatProblem(problem: Pick<ContentProblem, 'file' | 'line' | 'message'>): string {
	return `${problem.file}:${problem.line}: ${problem.message}`;
}
