/*
 * The company rules every reply keeps, whatever the beat: the knowledge base's rules and culture
 * article in patterns. A reply that breaks one loses points on any beat, as a pitfall does, and says
 * which rule; said in the negative ("I won't promise you a number of inquiries") it keeps the rule.
 * Patterns run on the reply folded for matching (lower case, Traditional Chinese, half width).
 */

export type CompanyRule = 'promises-results' | 'unapproved-discount' | 'pressure' | 'badmouths-competitor' | 'insults';

export interface RulePattern {
	rule: CompanyRule;
	/** Global patterns; each match is one finding. */
	patterns: readonly RegExp[];
	/** A match is no finding when this is found near it (the sentence around it, roughly). */
	unless?: RegExp;
}

/** How far around a match `unless` looks, in characters. */
export const UNLESS_REACH = 50;

/** How each rule reads to the rep, in the beat's language. */
export const RULE_POINT: Record<CompanyRule, { en: string; zh: string }> = {
	'promises-results': { en: 'Company rule: promises a number of inquiries or orders, or money back', zh: '公司規定：保證詢價、訂單數或退錢' },
	'unapproved-discount': { en: 'Company rule: a discount or extras beyond the two-year offer', zh: '公司規定：兩年約以外的折扣或贈送' },
	pressure: { en: 'Company rule: pressure to decide ("only today")', zh: '公司規定：施壓（「只有今天」）' },
	'badmouths-competitor': { en: 'Company rule: badmouths a competitor', zh: '公司規定：批評競爭對手' },
	insults: { en: 'Company rule: insults or talks down to the customer', zh: '公司規定：不禮貌或看不起客戶' }
};

/** What each rule costs, in the same units as a pitfall's penalty. */
export const RULE_PENALTY: Record<CompanyRule, number> = {
	'promises-results': 3,
	'unapproved-discount': 3,
	pressure: 2,
	'badmouths-competitor': 2,
	insults: 3
};

// Within one clause: no sentence mark between the parts.
const SAME_CLAUSE_EN = "[^.!?;]{0,40}";
const SAME_CLAUSE_ZH = '[^，。！？；,.!?;]{0,14}';

export const COMPANY_RULES: Readonly<Record<'en' | 'zh', readonly RulePattern[]>> = {
	en: [
		{
			rule: 'promises-results',
			patterns: [
				// "I promise I'll send it today" is a commitment a rep should make; a promised number is not.
				new RegExp(`\\b(?:guarantee[sd]?|assure you|bet you|promise you(?:'ll| will)? (?:get|see|have|double))\\b${SAME_CLAUSE_EN}\\b(?:inquir|enquir|orders?\\b|customers|buyers|business|sales|deals|leads|target|double)`, 'g'),
				/\b(?:money back|refund(?:ed)? (?:you|everything|the|it|your)|or you don'?t pay)\b/g,
				new RegExp(`\\b(?:definitely|for sure|certainly)\\b${SAME_CLAUSE_EN}\\b(?:get|bring|see|win|land|fill)\\b${SAME_CLAUSE_EN}\\b(?:inquir|enquir|orders?|customers|buyers|business)`, 'g')
			]
		},
		{
			rule: 'unapproved-discount',
			patterns: [
				// Money off, not "I'll take you off my list": an amount between the verb and "off".
				/\b(?:knock|take|shave)\b[^.!?;]{0,20}?(?:\d|percent|%|thousand|hundred|a bit|a little|something|some)[^.!?;]{0,12}?\boff\b/g,
				/\b(?:throw(?:ing)? in|for free|free of charge|on the house|\d+ (?:months?|years?) free|(?:months?|years?) free|free (?:months?|years?|upgrade|banner))\b/g,
				/\b(?:\d{1,2} ?%|\w+ percent) off\b/g,
				/\b(?:special price|lower price for you)\b/g
			],
			// The two-year offer (10% off the second year) is allowed, and so is the free trial.
			unless: /\b(?:second|2nd) year\b|\byear two\b|\btrial\b|\btry it\b/
		},
		{
			rule: 'pressure',
			patterns: [
				/\b(?:today only|only today|last chance|offer ends|ends (?:today|tonight|tomorrow|friday|this week)|limited time|now or never|before (?:it'?s|they'?re) gone|price goes up)\b/g,
				/\b(?:only|just) (?:good|valid|available) (?:until|till|today|this week)\b/g
			]
		},
		{
			rule: 'badmouths-competitor',
			patterns: [/\b(?:junk|rubbish|garbage|scam(?:mers)?|crooks|nobody serious)\b/g]
		},
		{
			rule: 'insults',
			patterns: [/\b(?:stupid|idiot|dumb|moron|shut up|deaf|boomer|paranoid|clueless|pathetic|not my problem|whatever you say|grow up)\b/g]
		}
	],
	zh: [
		{
			rule: 'promises-results',
			patterns: [
				new RegExp(`(?:保證|包你|包您|包準|打包票|一定會|絕對會|肯定會)${SAME_CLAUSE_ZH}(?:詢價|訂單|接單|客戶|生意|業績|效果|成交|多三成|翻倍|加倍)`, 'g'),
				/(?:退錢|退您|退你|退費|退款|不滿意退|沒效退)/g
			]
		},
		{
			rule: 'unapproved-discount',
			patterns: [
				/(?:打[一二三四五六七八九\d]{1,2}折|[一二三四五六七八九]折|\d折)/g,
				/(?:免費送|(?<!寄)送您|(?<!寄)送你|算您便宜|算你便宜|便宜算|私下算|特別價|特價給您|第一個月免費|前三個月免費|多送)/g,
				/(?:算您|算你)[一二三四五六七八九十兩\d]+[千萬]/g
			],
			// The two-year offer (第二年九折) is allowed, and so is the free trial.
			unless: /第二年|次年|兩年約|試刊|試用/
		},
		{
			rule: 'pressure',
			patterns: [/(?:只有今天|到今天為止|今天為止|最後一天|限時|錯過就沒|過了今天|名額有限|只剩下?[一二三四五六七八九十兩\d]+個|恢復原價|今天不簽)/g]
		},
		{
			rule: 'badmouths-competitor',
			patterns: [/(?:很爛|都很爛|垃圾|騙子|騙人的|沒人在用|亂七八糟|不正經)/g]
		},
		{
			rule: 'insults',
			patterns: [/(?:笨蛋|白癡|白痴|很笨|蠢|你管我|妳管我|聽不懂|懂不懂|囉嗦|廢話|落伍|老古板|土包子|隨便你|關我什麼事|快點買)/g]
		}
	]
};
