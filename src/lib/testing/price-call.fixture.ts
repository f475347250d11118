// A small two-beat scenario the engine and practice tests share: an opening, a price objection,
// a re-ask, a hang-up and a win.
import { parse } from 'yaml';
import * as v from 'valibot';
import { scenarioSchema, type Scenario } from '../engine/content/schemas';

export const PRICE_CALL_YAML = `
id: price-call
title: Too expensive
persona: { name: Mr Wang, role: Purchasing manager, company: Fastener works }
minutes: 8
pass: 70
criteria: [opening, objection]
start: greet
beats:
  greet:
    customer: Hello? I'm busy.
    expect:
      - { point: Says who they are, criterion: opening, weight: 2, cues: [my name, this is, calling from] }
      - { point: Asks for a minute, criterion: opening, weight: 1, cues: [a minute, a moment] }
    avoid:
      - { point: Quotes a price at once, penalty: 2, cues: [discount] }
    choices:
      - { text: "Good morning, this is Kevin calling from MetalHub. Do you have a minute?", quality: good }
      - { text: "We have a discount on now, want it?", quality: bad }
    next:
      - { minScore: 0.6, goto: price }
      - { maxTries: 2, goto: greet, say: "Who is this? Get to the point." }
      - { goto: hangup }
  price:
    customer: It's too expensive.
    expect:
      - { point: Acknowledges, criterion: objection, weight: 1, cues: [understand, i hear you] }
      - { point: Asks about inquiries, criterion: objection, weight: 2, cues: [inquiries, how many] }
    next:
      - { minScore: 0.6, goto: signed }
      - { goto: hangup }
  hangup: { end: lost, customer: No thanks. }
  signed: { end: won, customer: Send the contract. }
examples:
  good:
    - Good morning Mr Wang, this is Kevin calling from MetalHub. Do you have a minute?
    - I understand, it is real money. How many inquiries do you get in a month right now?
  bad:
    - Hi, we have a discount for you today.
    - Hi again, we have a discount, do you want it?
`;

export function priceCall(yaml = PRICE_CALL_YAML): Scenario {
	return v.parse(scenarioSchema, parse(yaml));
}
