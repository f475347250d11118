import { describe, expect, it } from 'vitest';
import { companyFactOf, wrongCompanyFacts } from './company-facts';
import { foldForMatch } from './normalize';
import { phrasebookOf } from './lexicon';
import { scoreReply } from './score';

// The shipped facts, in short: JuGong Technology was founded in Taipei in 2012.
const FACTS = [
	'founded = 2012 / taipei',
	'set up = 2012 / taipei',
	'registered = 2012 / taipei',
	'jugong = 2012 / taipei',
	'成立 = 2012 / 台北',
	'聚工 = 2012 / 台北',
	'總公司 = 台北'
].map((phrase) => companyFactOf(phrase, foldForMatch)!);
const PLACES = ['taipei', 'taichung', 'kaohsiung', '台北', '台中', '高雄'].map(foldForMatch);

/** The words of a reply that state the company's year or city wrongly. */
function wrong(reply: string): string[] {
	const folded = foldForMatch(reply);
	return wrongCompanyFacts(folded, FACTS, PLACES).map(([start, end]) => reply.slice(start, end));
}

describe('companyFactOf reads a fact as subject = years / places', () => {
	it('tells years (four digits) from places, folded', () => {
		expect(companyFactOf('Founded = 2012 / Taipei', foldForMatch)).toEqual({
			subject: 'founded',
			years: [2012],
			places: ['taipei']
		});
	});

	it('reads nothing without a subject or a value', () => {
		expect(companyFactOf('founded', foldForMatch)).toBeNull();
		expect(companyFactOf(' = 2012', foldForMatch)).toBeNull();
		expect(companyFactOf('founded = ', foldForMatch)).toBeNull();
	});
});

describe('wrongCompanyFacts tells a founding year or city the company states otherwise', () => {
	it('takes the right year and city, however the year is written', () => {
		expect(wrong("We're JuGong Technology Co., Ltd., founded in Taipei in 2012.")).toEqual([]);
		expect(wrong('registered in Taipei since 2012, you can look us up')).toEqual([]);
		expect(wrong('聚工科技二〇一二年在台北成立，經濟部查得到。')).toEqual([]);
		expect(wrong('我們是民國101年成立的聚工科技。')).toEqual([]);
		expect(wrong('聚工科技2012年在臺北成立。')).toEqual([]);
	});

	it('finds a wrong year in digits, read out in Chinese, in the ROC calendar, or as a decade', () => {
		expect(wrong('JuGong Technology, set up in Taipei back in 2005, so look us up.')).toEqual([
			'2005'
		]);
		expect(
			wrong('MetalHub, run by JuGong Technology in Taipei since 2008, 38,000 buyers.')
		).toEqual(['2008']);
		expect(wrong('聚工科技，公司二〇〇二年在台北成立的。')).toEqual(['二〇〇二']);
		expect(wrong('我們是聚工科技，民國九十年就開始做採購網站了。')).toEqual(['民國九十年']);
		expect(wrong("JuGong's been around since the nineties.")).toEqual(['nineties']);
		expect(wrong('JuGong was founded in the 90s.')).toEqual(['90s']);
	});

	it('finds a wrong city said beside the subject, in either order', () => {
		expect(wrong("This is Amy from MetalHub, we're JuGong Technology down in Kaohsiung.")).toEqual([
			'Kaohsiung'
		]);
		expect(wrong('That is JuGong Technology, set up in Taichung in 2012.')).toEqual(['Taichung']);
		expect(wrong('我們聚工科技總公司在台中，專門做採購網站。')).toEqual(['台中']);
		expect(wrong('我們聚工科技是台中的公司。')).toEqual(['台中']);
		expect(wrong('公司是在高雄成立的。')).toEqual(['高雄']);
	});

	it('leaves a city said of something else, a year of something else and a correction alone', () => {
		// The customer's city, and the places the rep is calling.
		expect(
			wrong("It's Amy from JuGong Technology. I'm calling screw makers around Kaohsiung.")
		).toEqual([]);
		expect(wrong("It's Amy from JuGong, calling tool shops around Taichung.")).toEqual([]);
		expect(wrong('聚工科技很多會員都在台中。')).toEqual([]);
		// A sentence with the right year may date something else too.
		expect(wrong('JuGong was founded in 2012 and the site went national in 2015.')).toEqual([]);
		// Denied: the customer heard it wrong.
		expect(wrong('不是二〇〇二年，聚工科技是二〇一二年成立的。')).toEqual([]);
		expect(wrong('JuGong was founded in 2012, not in Taichung but in Taipei.')).toEqual([]);
		// A year in a sentence that does not name the company's founding.
		expect(wrong('You joined MetalHub in 2023, and I looked at your report.')).toEqual([]);
		// A price is no year.
		expect(wrong('JuGong charges NT$2,012 a month? No, that is not right.')).toEqual([]);
	});
});

describe('the places checked come from the phrasebook the reply is scored with', () => {
	const facts = { id: 'company-facts', meaning: 'Founded', phrases: ['founded = 2012 / taipei'] };
	/** The facts in one lexicon, the places in another. */
	const bookWithPlaces = (places: string[]) =>
		phrasebookOf([
			{ intents: [facts], rules: [] },
			{ intents: [{ id: 'places', meaning: 'Places', phrases: places }], rules: [] }
		]);
	const flagsOf = (places: string[]) =>
		scoreReply(
			'We were founded in Taichung in 2012.',
			{ expect: [], avoid: [] },
			[],
			bookWithPlaces(places)
		).flags;
	it('reads a place only once a lexicon of the phrasebook lists it, in a file apart from the facts or not', () => {
		expect(flagsOf(['taipei'])).not.toContain('wrong-fact');
		expect(flagsOf(['taipei', 'taichung'])).toContain('wrong-fact');
	});
});
