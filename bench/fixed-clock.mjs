// Loaded into the benchmark's server (`node --import`): its clock starts at BENCH_CLOCK, the
// instant the data set was generated for, and runs on from there at the real pace. The pages
// measured read "this week", due days and onboarding's plan days against that clock, so a run on a
// Sunday and one on a Monday measure the same pages; the app itself has no such switch. Every date
// the app works with comes from JavaScript's Date (its SQL takes the time as a parameter).
const start = Date.parse(process.env.BENCH_CLOCK ?? '');
if (Number.isNaN(start)) throw new Error('fixed-clock.mjs needs BENCH_CLOCK, an ISO instant');

const RealDate = Date;
const offset = start - RealDate.now();

class BenchDate extends RealDate {
	constructor(...args) {
		if (args.length === 0) super(RealDate.now() + offset);
		else super(...args);
	}

	static now() {
		return RealDate.now() + offset;
	}
}

globalThis.Date = BenchDate;
