// Vitest's global setup: checks the shipped content (content/) once for the whole run and hands the
// items to every test file (loadShippedContent). Checking plays every example of every scenario,
// which takes seconds: done once per test file, it was most of the unit suite's time.
import type { TestProject } from 'vitest/node';
import type { ContentItem } from '../../engine/content/kinds';
import { checkContentFiles } from '../../engine/content/check';
import { readContentDirectory } from '../content/files';

declare module 'vitest' {
	export interface ProvidedContext {
		shippedContent: ContentItem[];
	}
}

export default function setup(project: TestProject): void {
	const { items, problems } = checkContentFiles(readContentDirectory('content'));
	if (problems.length > 0)
		throw new Error(
			`the shipped content has problems (npm run content:check): ${JSON.stringify(problems.slice(0, 3))}`
		);
	project.provide('shippedContent', items);
}
