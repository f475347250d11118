// npm run -s scoring:batch -- KIND [--list]: the report's figures on one batch of the corpus alone
// (replies whose kinds include KIND, e.g. batch-7), per language: measured before rules are fitted to
// a new batch, this is the honest figure of how the score does on replies nobody fitted it to.
// --list prints the batch's tuning replies, worst disagreement first (never held-out ones).
import { checkContentFiles, CONTENT_LOCALES } from '../src/lib/engine/content';
import { summarizeAgreement } from '../src/lib/engine/scoring/agreement';
import { readContentDirectory } from '../src/lib/server/content/files';
import { readCorpusFiles, scenarioLookup, scoreCorpus } from './graded-replies';

const kind = process.argv[2];
if (!kind || kind.startsWith('--')) {
	console.error('usage: scoring:batch -- KIND [--list]');
	process.exit(1);
}
const { items } = checkContentFiles(readContentDirectory('content'));
const { replies, problems } = scoreCorpus(readCorpusFiles(), scenarioLookup(items));
if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
for (const locale of CONTENT_LOCALES) {
	const batch = replies.filter((r) => r.locale === locale && r.kinds.includes(kind));
	const summary = summarizeAgreement(batch, { worst: 30 });
	console.log(
		`${kind} ${locale}: ${summary.count} replies · ρ ${summary.rho.toFixed(2)} · graded ≤ 2 passing ${summary.poorPassing.length} · graded ≥ 4 under 0.4 ${summary.goodScoredLow.length} · gaming passing ${summary.gamingPassing.length}`
	);
	if (process.argv.includes('--list'))
		for (const r of summary.worst.filter((w) => w.reply.part === 'tuning'))
			console.log(
				`  g${r.reply.grade} s${r.reply.score.toFixed(2)} ${r.reply.scenario}/${r.reply.beat} :${r.reply.line} ${r.reply.reply}\n     ${r.reply.reason}`
			);
}
