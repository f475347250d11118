// npm run scoring:report [-- --all] [-- --part tuning]: how far the score agrees with the trainers' grades of the
// corpus (scoring/corpus/*.jsonl), per language and part, against the targets of issue #17. Each
// reply is scored against its beat in the shipped content (content/). It is a report: it exits 0
// whatever the figures, and 1 only when the corpus or the content cannot be read. --all lists
// every reply that misses a target, not only the first few; --part lists only one part's replies.
import { checkContentFiles, CONTENT_LOCALES, formatProblem } from '../src/lib/engine/content';
import {
	AGREEMENT_TARGETS,
	summarizeAgreement,
	type AgreementSummary
} from '../src/lib/engine/scoring/agreement';
import { readContentDirectory } from '../src/lib/server/content/files';
import {
	CORPUS_DIR,
	CORPUS_PARTS,
	readCorpusFiles,
	scenarioLookup,
	scoreCorpus,
	type ScoredCorpusReply
} from './graded-replies';

const LISTED = process.argv.includes('--all') ? Infinity : 6;
// --part tuning: list the replies of that part only (the summary keeps every part's figures), so
// that whoever changes rules reads tuning replies and never the held-out ones.
const partArgument = process.argv.indexOf('--part');
const ONLY_PART = partArgument >= 0 ? process.argv[partArgument + 1] : undefined;
if (ONLY_PART !== undefined && !(CORPUS_PARTS as readonly string[]).includes(ONLY_PART)) {
	console.error(`--part takes one of: ${CORPUS_PARTS.join(', ')}`);
	process.exit(1);
}
const WORST = 8;
const WIDTH = 96;

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

/** Columns a character takes in a terminal: two for CJK and full-width forms. */
function columns(char: string): number {
	const code = char.codePointAt(0)!;
	const wide =
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		code >= 0x20000;
	return wide ? 2 : 1;
}

/** One line of at most `width` columns: white space folded, the rest cut with an ellipsis. */
function clip(text: string, width: number): string {
	const chars = [...text.replace(/\s+/g, ' ').trim()];
	let used = 0;
	for (const [i, char] of chars.entries()) {
		used += columns(char);
		if (used > width - 1 && i < chars.length - 1) return `${chars.slice(0, i).join('')}…`;
	}
	return chars.join('');
}

const figure = (value: number | null, digits = 2) =>
	value === null || Number.isNaN(value) ? '—' : value.toFixed(digits);
const verdict = (holds: boolean) => (holds ? 'holds' : 'MISSED');

/** A reply in three lines: grade, score and where; what was said; why the trainer graded it so. */
function printReply(reply: ScoredCorpusReply, note = ''): void {
	const pass = reply.passLine === null ? 'no pass line' : `pass line ${reply.passLine}`;
	console.log(
		`    grade ${reply.grade} · score ${reply.score.toFixed(3)} (${pass})${note} · ${reply.scenario}/${reply.beat} · ${reply.file}:${reply.line}`
	);
	console.log(`      “${clip(reply.reply, WIDTH - 8)}”`);
	console.log(`      ${clip(`grader: ${reply.reason}`, WIDTH - 6)}`);
}

function printList(
	title: string,
	replies: readonly ScoredCorpusReply[],
	target: boolean | null,
	note: (reply: ScoredCorpusReply) => string = () => ''
): void {
	const mark = target === null ? '' : `  target 0: ${verdict(target)}`;
	console.log(`\n  ${title}: ${replies.length}${mark}`);
	for (const reply of replies.slice(0, LISTED)) printReply(reply, note(reply));
	if (replies.length > LISTED)
		console.log(`    … and ${replies.length - LISTED} more (npm run -s scoring:report -- --all)`);
}

function printSection(title: string, summary: AgreementSummary<ScoredCorpusReply>): void {
	console.log(`\n${`━━ ${title}: ${summary.count} replies `.padEnd(WIDTH, '━')}`);
	if (summary.count === 0) return;
	console.log(
		`\n  Spearman ρ between score and grade: ${figure(summary.rho)}   target ≥ ${AGREEMENT_TARGETS.rho}: ${verdict(summary.targets.rho)}`
	);
	const cells = (values: readonly string[]) => values.map((value) => value.padStart(7)).join('');
	console.log(`\n  ${'grade'.padEnd(12)}${cells(summary.grades.map((g) => String(g.grade)))}`);
	console.log(`  ${'replies'.padEnd(12)}${cells(summary.grades.map((g) => String(g.count)))}`);
	console.log(
		`  ${'mean score'.padEnd(12)}${cells(summary.grades.map((g) => figure(g.meanScore)))}`
	);
	printList(
		`graded ≤ ${AGREEMENT_TARGETS.poorGrade} at or over their beat's pass line`,
		summary.poorPassing,
		summary.targets.poorPassing
	);
	printList(
		`graded ≥ ${AGREEMENT_TARGETS.goodGrade} scoring under ${AGREEMENT_TARGETS.goodFloor}`,
		summary.goodScoredLow,
		summary.targets.goodScoredLow
	);
	const gaming = (reply: ScoredCorpusReply) =>
		` · ${reply.kinds.filter((kind) => kind.startsWith('gaming-')).join(', ')}`;
	printList(
		'written to game the score (gaming-*) and at or over the pass line',
		summary.gamingPassing,
		null,
		gaming
	);
	console.log(
		`\n  the ${summary.worst.length} worst disagreements (how far the score's rank is from the grade's, of ${summary.count}):`
	);
	for (const { reply, gap } of summary.worst)
		printReply(
			reply,
			` · ranked ${Math.abs(gap).toFixed(0)} places too ${gap > 0 ? 'high' : 'low'}`
		);
}

const content = checkContentFiles(readContentDirectory('content'));
if (content.problems.length > 0) {
	for (const problem of content.problems) console.error(formatProblem(problem));
	fail(
		`The content has ${content.problems.length} problem${content.problems.length === 1 ? '' : 's'} (npm run content:check): nothing to score against.`
	);
}
const { replies, problems } = scoreCorpus(readCorpusFiles(), scenarioLookup(content.items));
if (problems.length > 0) {
	for (const problem of problems) console.error(problem);
	fail(
		`The corpus has ${problems.length} broken line${problems.length === 1 ? '' : 's'}: fix ${problems.length === 1 ? 'it' : 'them'} and run the report again.`
	);
}

console.log(
	`Scoring agreement: ${replies.length} graded replies in ${CORPUS_DIR}, each scored alone against its beat in content/.`
);
console.log(
	`Targets (issue #17), on the held-out part: ρ ≥ ${AGREEMENT_TARGETS.rho} per language; no reply graded ≤ ${AGREEMENT_TARGETS.poorGrade} at or over its beat's pass line; none graded ≥ ${AGREEMENT_TARGETS.goodGrade} under ${AGREEMENT_TARGETS.goodFloor}.`
);
const rows: { title: string; summary: AgreementSummary<ScoredCorpusReply> }[] = [];
for (const locale of CONTENT_LOCALES) {
	for (const part of CORPUS_PARTS) {
		const title = `${locale} · ${part}`;
		const summary = summarizeAgreement(
			replies.filter((r) => r.locale === locale && r.part === part),
			{ worst: WORST }
		);
		rows.push({ title, summary });
		if (ONLY_PART === undefined || ONLY_PART === part) printSection(title, summary);
	}
}

console.log(`\n${'━━ summary '.padEnd(WIDTH, '━')}`);
const headings = [
	'replies',
	'ρ',
	`≤ ${AGREEMENT_TARGETS.poorGrade} passing`,
	`≥ ${AGREEMENT_TARGETS.goodGrade} under ${AGREEMENT_TARGETS.goodFloor}`,
	'gaming passing'
];
console.log(`  ${''.padEnd(18)}${headings.map((h) => h.padStart(16)).join('')}`);
for (const { title, summary } of rows) {
	const values = [
		String(summary.count),
		figure(summary.rho),
		String(summary.poorPassing.length),
		String(summary.goodScoredLow.length),
		String(summary.gamingPassing.length)
	];
	console.log(`  ${title.padEnd(18)}${values.map((v) => v.padStart(16)).join('')}`);
}
const heldOut = rows.filter((row) => row.title.endsWith('held-out'));
const holding = heldOut.filter(
	({ summary: s }) => s.targets.rho && s.targets.poorPassing && s.targets.goodScoredLow
);
console.log(`\n  Held-out targets met in ${holding.length} of ${heldOut.length} languages.`);
