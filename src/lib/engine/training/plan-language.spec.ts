import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Curriculum } from '../content/schemas';
import { planProgress } from './plan';
import { planInLanguage, samePlanShape } from './plan-language';

const english: Curriculum = {
	id: 'plan',
	title: 'New Rep Onboarding',
	days: [
		{
			title: 'The company',
			modules: [
				{ type: 'read', title: 'Learn how the team works', items: ['rules'] },
				{ type: 'quiz', title: 'Pass the check', items: ['q'], pass: 80 }
			]
		},
		{
			title: 'Drills',
			modules: [
				{
					type: 'drill',
					title: 'Get past the assistant',
					items: ['gatekeeper'],
					mode: 'choice',
					pass: 70
				}
			]
		},
		{
			title: 'Certification',
			modules: [{ type: 'signoff', title: 'Sign-off', items: ['renewal'], rubric: 'cert' }]
		}
	]
};

const chinese: Curriculum = {
	id: 'plan',
	title: '新進業務到職訓練',
	days: [
		{
			title: '認識公司',
			modules: [
				{ type: 'read', title: '了解團隊規定與文化', items: ['rules'] },
				{ type: 'quiz', title: '通過測驗', items: ['q'], pass: 75 }
			]
		},
		{
			title: '演練',
			modules: [
				{ type: 'drill', title: '突破助理這一關', items: ['gatekeeper'], mode: 'text', pass: 60 }
			]
		},
		{
			title: '結訓認證',
			modules: [{ type: 'signoff', title: '結訓認證演練', items: ['renewal'], rubric: 'cert' }]
		}
	]
};

function titles(plan: Curriculum): string[] {
	return [
		plan.title,
		...plan.days.flatMap((day) => [day.title, ...day.modules.map((m) => m.title)])
	];
}

describe('the plan in the reader’s language', () => {
	it('takes the words of the translation and keeps everything else of the started plan', () => {
		const shown = planInLanguage(english, 'en', 'zh-TW', { locale: 'zh-TW', data: chinese });
		expect(shown.locale).toBe('zh-TW');
		expect(titles(shown.curriculum)).toEqual(titles(chinese));
		// Pass marks and modes are the started plan's, not the translation's (75, text, 60 there).
		expect(shown.curriculum.days[0]!.modules[1]!.pass).toBe(80);
		expect(shown.curriculum.days[1]!.modules[0]).toMatchObject({
			mode: 'choice',
			pass: 70,
			items: ['gatekeeper']
		});
		expect(shown.curriculum.days[2]!.modules[0]!.rubric).toBe('cert');
		// The started plan itself is not changed.
		expect(english.title).toBe('New Rep Onboarding');
	});

	it('is the started plan for a reader of its own language, or when there is no translation', () => {
		expect(planInLanguage(english, 'en', 'en', { locale: 'en', data: english })).toEqual({
			curriculum: english,
			locale: 'en'
		});
		expect(planInLanguage(english, 'en', 'zh-TW', undefined)).toEqual({
			curriculum: english,
			locale: 'en'
		});
		// A lookup that fell back to another language (or another plan) is no translation.
		expect(planInLanguage(english, 'en', 'zh-TW', { locale: 'en', data: english }).locale).toBe(
			'en'
		);
		expect(
			planInLanguage(english, 'en', 'zh-TW', { locale: 'zh-TW', data: { ...chinese, id: 'other' } })
				.locale
		).toBe('en');
	});

	it('falls back to the cohort’s language when the translation has another shape, since progress is keyed by place', () => {
		const variants: [string, Curriculum][] = [
			['a day more', { ...chinese, days: [...chinese.days, chinese.days[2]!] }],
			[
				'a module more',
				{
					...chinese,
					days: [
						{
							...chinese.days[0]!,
							modules: [...chinese.days[0]!.modules, chinese.days[0]!.modules[0]!]
						},
						...chinese.days.slice(1)
					]
				}
			],
			[
				'modules swapped',
				{
					...chinese,
					days: [
						{ ...chinese.days[0]!, modules: [...chinese.days[0]!.modules].reverse() },
						...chinese.days.slice(1)
					]
				}
			],
			[
				'another item',
				{
					...chinese,
					days: [
						{
							...chinese.days[0]!,
							modules: [
								{ ...chinese.days[0]!.modules[0]!, items: ['other'] },
								chinese.days[0]!.modules[1]!
							]
						},
						...chinese.days.slice(1)
					]
				}
			],
			[
				'items in another order',
				{
					...chinese,
					days: [
						{
							...chinese.days[0]!,
							modules: [
								{ ...chinese.days[0]!.modules[0]!, items: ['rules', 'more'] },
								chinese.days[0]!.modules[1]!
							]
						},
						...chinese.days.slice(1)
					]
				}
			]
		];
		for (const [what, translation] of variants) {
			expect(samePlanShape(english, translation), what).toBe(false);
			expect(
				planInLanguage(english, 'en', 'zh-TW', { locale: 'zh-TW', data: translation }),
				what
			).toEqual({ curriculum: english, locale: 'en' });
		}
	});

	it('gives the same progress in either language', () => {
		const done = new Set(['d1m1', 'd2m1']);
		const shown = planInLanguage(english, 'en', 'zh-TW', {
			locale: 'zh-TW',
			data: chinese
		}).curriculum;
		const inEnglish = planProgress(english, '2026-12-04', '2026-12-08', done);
		const inChinese = planProgress(shown, '2026-12-04', '2026-12-08', done);
		const strip = (p: typeof inEnglish) => ({
			...p,
			days: p.days.map((d) => d.modules.map((m) => [m.key, m.status, m.items, m.pass])),
			next: p.next?.key
		});
		expect(strip(inChinese)).toEqual(strip(inEnglish));
		expect(inChinese.next?.title).toBe('通過測驗');
	});

	it('finds the shipped plans the same shape in both languages, so a zh-TW rep sees the Chinese plan', () => {
		const read = (locale: string) =>
			parse(
				readFileSync(`content/${locale}/curricula/new-rep-onboarding.yaml`, 'utf8')
			) as Curriculum;
		const [en, zh] = [read('en'), read('zh-TW')];
		expect(samePlanShape(en, zh)).toBe(true);
		expect(
			planInLanguage(en, 'en', 'zh-TW', { locale: 'zh-TW', data: zh }).curriculum.days[0]!
				.modules[0]!.title
		).toBe('了解團隊規定與文化');
		expect(planInLanguage(zh, 'zh-TW', 'en', { locale: 'en', data: en }).curriculum.title).toBe(
			'New Rep Onboarding'
		);
	});
});
