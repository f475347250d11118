import { describe, expect, it } from 'vitest';
import { formatProblem, parseContentFile } from './index';

// One good file of each YAML kind, and the mistakes a trainer is likely to make in each.
const scenario = `id: price-call
title: Too expensive
persona: { name: Mr Wang, role: Purchasing manager, company: Fastener works, mood: skeptical }
minutes: 8
pass: 70
criteria: [opening, objection]
start: greet
beats:
  greet:
    customer: Hello? I'm busy.
    expect:
      - { point: Says who they are, criterion: opening, weight: 2, cues: [my name, calling from] }
    avoid:
      - { point: Quotes a price at once, penalty: 2, cues: [discount] }
    choices:
      - { text: 'Good morning, this is Kevin from MetalHub. Do you have a minute?', quality: good }
    next:
      - { minScore: 0.6, goto: signed }
      - { goto: hangup }
  hangup: { end: lost, customer: No thanks. }
  signed: { end: won, customer: Send the contract. }
examples:
  good: ['Good morning, my name is Kevin, calling from MetalHub.']
  bad: [Want a discount?]
`;
const rubric = `id: hiring-roleplay
title: Hiring role-play
criteria:
  - id: opening
    title: Opening
    weight: 20
    anchors: { 1: Rambles, 2: Vague, 3: Clear, 4: Clear and polite, 5: 'Clear, polite, asks permission' }
`;
const curriculum = `id: onboarding
title: Five days
days:
  - title: Company and product
    modules:
      - { type: read, title: The tiers, items: [membership-tiers] }
  - title: Industry
    modules:
      - { type: quiz, title: Chain quiz, items: [industry-chain], pass: 80 }
  - title: Scripts
    modules:
      - { type: drill, title: Price drill, items: [price-call], mode: choice, pass: 70 }
`;
const quiz = `id: deal-coaching
title: Evidence or feeling?
pass: 80
items:
  - type: classify
    question: Which statements are evidence?
    classes: [Objective evidence, Subjective feeling]
    statements:
      - { text: The boss asked whether the price could be lower., class: 1 }
      - { text: The intent feels strong., class: 2 }
    explanation: Evidence is something the customer did or said.
  - type: choice
    question: What do you do next?
    options: [Wait, Ask for a meeting]
    answer: 2
    explanation: Move the deal on.
  - type: order
    question: Upstream to downstream
    items: [Steel mill, Fastener maker, Distributor]
    explanation: Materials flow downstream.
`;

const lexicon = `id: phrasebook
title: Phrasebook
intents:
  - id: ask-a-good-time
    meaning: Asks when suits them
    phrases: [a good time, when suits you, what time … free]
`;

function problems(path: string, text: string): string[] {
	const result = parseContentFile(path, text);
	return result.ok ? [] : result.problems.map(formatProblem);
}

describe('YAML content kinds', () => {
	it.each([
		['en/scenarios/price-call.yaml', scenario],
		['en/rubrics/hiring-roleplay.yaml', rubric],
		['en/curricula/onboarding.yaml', curriculum],
		['en/quizzes/deal-coaching.yaml', quiz],
		['en/lexicon/phrasebook.yaml', lexicon]
	])('accepts a good %s', (path, text) => {
		expect(problems(path, text)).toEqual([]);
	});

	it.each([
		['a scenario time box over 30 minutes', 'en/scenarios/price-call.yaml', scenario.replace('minutes: 8', 'minutes: 45'), 'price-call.yaml:4: minutes: must be 1 to 30'],
		['a pass mark over 100', 'en/scenarios/price-call.yaml', scenario.replace('pass: 70', 'pass: 170'), 'price-call.yaml:5: pass: must be 0 to 100'],
		['an unknown ending', 'en/scenarios/price-call.yaml', scenario.replace('end: lost', 'end: lose'), 'price-call.yaml:20: beats.hangup.end: must be one of: won, lost, neutral'],
		['a negative weight', 'en/scenarios/price-call.yaml', scenario.replace('weight: 2', 'weight: -2'), 'price-call.yaml:12: beats.greet.expect[0].weight: must be positive'],
		['a rubric anchor missing', 'en/rubrics/hiring-roleplay.yaml', rubric.replace(", 5: 'Clear, polite, asks permission'", ''), 'hiring-roleplay.yaml:7: criteria[0].anchors.5: is required'],
		['a two-day programme', 'en/curricula/onboarding.yaml', curriculum.replace(/ {2}- title: Scripts[\s\S]*$/, ''), 'onboarding.yaml:3: days: a programme has 3 to 5 days'],
		['an unknown module type', 'en/curricula/onboarding.yaml', curriculum.replace('type: read', 'type: watch'), 'onboarding.yaml:6: days[0].modules[0].type: must be one of: read, scripts, quiz, drill, scenario, signoff, series'],
		['a quiz answer past the options', 'en/quizzes/deal-coaching.yaml', quiz.replace('answer: 2', 'answer: 3'), 'deal-coaching.yaml:15: items[1].answer: points past the last option'],
		['a statement in no class', 'en/quizzes/deal-coaching.yaml', quiz.replace('class: 2 }', 'class: 3 }'), 'deal-coaching.yaml:8: items[0].statements: a statement points past the last class'],
		['an intent without phrases', 'en/lexicon/phrasebook.yaml', lexicon.replace('[a good time, when suits you, what time … free]', '[]'), 'phrasebook.yaml:6: intents[0].phrases: needs at least one phrase'],
		['an intent id that is no short name', 'en/lexicon/phrasebook.yaml', lexicon.replace('id: ask-a-good-time', 'id: Ask A Good Time'), 'phrasebook.yaml:4: intents[0].id: must be kebab-case: lower-case letters, digits and hyphens'],
		['an unknown quiz item type', 'en/quizzes/deal-coaching.yaml', quiz.replace('type: order', 'type: essay'), 'deal-coaching.yaml:17: items[2].type: type must be one of: choice, order, classify']
	])('refuses %s', (_name, path, text, expected) => {
		expect(problems(path, text)).toContain(`${path.split('/').slice(0, 2).join('/')}/${expected}`);
	});
});
