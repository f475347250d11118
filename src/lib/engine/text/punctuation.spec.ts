import { describe, expect, it } from 'vitest';
import { findPunctuationSlips } from './punctuation';

const marks = (text: string, locale: 'en' | 'zh-TW'): string[] =>
	findPunctuationSlips(text, locale).map((slip) => `${slip.mark}→${slip.suggestion}`);

describe('findPunctuationSlips in Chinese text', () => {
	it.each([
		['這是示範環境:帳號與內容都是範例,請勿輸入真實資料。', [':→：', ',→，']],
		['歡迎,張小雯', [',→，']],
		['歡迎, {name}', [',→，']],
		['忘記密碼?請向管理員索取重設連結。', ['?→？']],
		['太好了!', ['!→！']],
		['請再試一次;若一直發生', [';→；']],
		['下載全部內容(zip)', ['(→（', ')→）']],
		['下載全部內容 (zip)', ['(→（', ')→）']],
		['下載勾選的內容（zip)', [')→）']],
		['{name}:{category}', [':→：']],
		['已完成 {done} / {total}({percent}%)', ['(→（', ')→）']],
		['**注意**:先問需求', [':→：']],
		['請用 Rehearse (beta) 練習', ['(→（', ')→）']]
	])('%s', (text, expected) => {
		expect(marks(text, 'zh-TW')).toEqual(expected);
	});

	it.each([
		'這是示範環境：帳號與內容都是範例，請勿輸入真實資料。',
		'下載勾選的內容（zip）',
		'每週五 16:00 開檢討會，10:30 前回覆。',
		'年費 NT$26,800，回答最多 2,000 個字。',
		'歡迎，{name}',
		'說明見 Rehearse (beta) guide。',
		'網址是 https://example.com/a?b=1，請複製。',
		'見[說明](https://example.com/x)後再試',
		'執行 `npm run check:all` 再發布',
		'1. **先約時間。**',
		'Hello, world!'
	])('leaves %s alone', (text) => {
		expect(findPunctuationSlips(text, 'zh-TW')).toEqual([]);
	});

	it('points at the mark and shows it in context', () => {
		expect(findPunctuationSlips('請再試一次,謝謝', 'zh-TW')).toEqual([
			{ index: 5, mark: ',', suggestion: '，', excerpt: '請再試一次[,]謝謝' }
		]);
	});
});

describe('findPunctuationSlips in English text', () => {
	it.each([
		['「Knock a bit off the price」', ['「→“', '」→”']],
		['Panel: Ann、Bob', ['、→,']],
		['Hello，world', ['，→,']],
		['Are you sure？', ['？→?']],
		['Done。', ['。→.']],
		['Export （zip）', ['（→(', '）→)']],
		['Wait……', ['……→…']]
	])('%s', (text, expected) => {
		expect(marks(text, 'en')).toEqual(expected);
	});

	it.each([
		'Said in the negative (“I can’t give you a discount”, “我沒辦法私下打折”), it does not count.',
		'A question keeps its phrases (“不用擔心嗎？”).',
		'Words that only look negative (no problem, 沒問題, 不好意思) do not negate.',
		'She said “好，我考慮、再回覆。” and hung up.',
		'Loading…',
		'deal coaching (抓單)'
	])('leaves %s alone', (text) => {
		expect(findPunctuationSlips(text, 'en')).toEqual([]);
	});
});
