// How far the score agrees with the trainers' grades, on the held-out part of the graded corpus
// (scoring/corpus: no rule or weight was fitted to it), against the targets of issue #17.
// `npm run scoring:report` shows the replies behind each figure.
import { CONTENT_LOCALES } from '../src/lib/engine/content';
import { AGREEMENT_TARGETS, summarizeAgreement } from '../src/lib/engine/scoring/agreement';
import {
	readCorpusFiles,
	scoreCorpus,
	type CorpusFile,
	type ScenarioLookup
} from '../scoring/graded-replies';
import { atLeast, none, type BenchRow } from './table';

/** Three rows per language: ρ, poor replies that pass, good replies scored low. Throws on a broken corpus. */
export function benchAgreement(
	lookup: ScenarioLookup,
	files: readonly CorpusFile[] = readCorpusFiles()
): BenchRow[] {
	const { replies, problems } = scoreCorpus(files, lookup);
	if (problems.length > 0)
		throw new Error(
			`The graded corpus has ${problems.length} broken line${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`
		);
	const { rho, poorGrade, goodGrade, goodFloor } = AGREEMENT_TARGETS;
	return CONTENT_LOCALES.flatMap((locale) => {
		const summary = summarizeAgreement(
			replies.filter((r) => r.locale === locale && r.part === 'held-out')
		);
		return [
			atLeast(
				`scoring ${locale}: ρ of score and trainer's grade, held-out (${summary.count} replies)`,
				summary.rho,
				rho,
				'plain'
			),
			none(
				`scoring ${locale}: held-out replies graded ≤ ${poorGrade} at or over their beat's pass line`,
				summary.poorPassing.length
			),
			none(
				`scoring ${locale}: held-out replies graded ≥ ${goodGrade} scoring under ${goodFloor}`,
				summary.goodScoredLow.length
			)
		];
	});
}
