/**
 * A small series for tests, as files: a first call where the rep promises the catalogue (or sends
 * it at once), a follow-up where the customer remembers, and a closing call.
 */
export const FIRST_CALL = `id: first-call
title: First call
persona: { name: Mr. Lin, role: Owner, company: Lin Hardware }
minutes: 5
pass: 50
start: greet
beats:
  greet:
    customer: Lin Hardware, hello?
    choices:
      - { text: I'll email you our catalogue today., quality: good }
      - { text: I've just sent it to your inbox while we talked., quality: good }
      - { text: Buy now or never., quality: bad }
    next:
      - { choice: 1, goto: won, set: { material-sent: false, decision-maker: Mrs. Lin } }
      - { choice: 2, goto: won, set: { material-sent: true } }
      - { goto: lost }
  won: { end: won, customer: Fine. Talk soon. }
  lost: { end: lost, customer: No thanks. }
`;

export const FOLLOW_UP = `id: follow-up
title: Follow-up
persona: { name: Mr. Lin, role: Owner, company: Lin Hardware }
minutes: 5
pass: 50
start: greet
beats:
  greet:
    customer: Hello?
    variants:
      - { when: { material-sent: false }, line: "You said you'd send the catalogue. I never got it." }
      - { when: { material-sent: true }, line: I got your catalogue. }
    choices:
      - { text: "Sorry, I'm sending it now.", quality: good }
      - { text: Shall we book a trial?, quality: good }
    next:
      - { when: { material-sent: false }, choice: 1, goto: resent, set: { material-sent: true } }
      - { when: { material-sent: false }, goto: lost }
      - { goto: won, set: { trial-booked: true } }
  resent:
    customer: Got it now. What next?
    choices:
      - { text: A trial., quality: good }
    next:
      - { goto: won, set: { trial-booked: true } }
  won: { end: won, customer: All right. }
  lost: { end: lost, customer: Don't call again. }
`;

export const CLOSING = `id: closing
title: Closing
persona: { name: Mr. Lin, role: Owner, company: Lin Hardware }
minutes: 5
pass: 50
start: greet
beats:
  greet:
    customer: Yes?
    choices:
      - { text: Shall we sign?, quality: good }
    next:
      - { when: { trial-booked: true }, goto: won }
      - { goto: lost }
  won: { end: won, customer: Send the contract. }
  lost: { end: lost, customer: Not now. }
`;

export const SERIES = `id: lin-hardware
title: Lin Hardware, call by call
persona: { name: Mr. Lin, role: Owner, company: Lin Hardware }
calls:
  - { scenario: first-call }
  - { scenario: follow-up, daysAfter: 3, meanwhile: He went to a trade fair. }
  - { scenario: closing, daysAfter: 7 }
notes:
  material-sent:
    true: Catalogue sent.
    false: Promised the catalogue; not sent yet.
  decision-maker: "Decides: {value}"
  trial-booked: Trial booked.
promises:
  - id: send-catalogue
    made: { material-sent: false }
    kept: { material-sent: true }
    label: Send him the catalogue
evidence:
  - { fact: decision-maker, strength: medium, label: He named who decides }
  - { fact: trial-booked, strength: strong, label: He booked a trial }
`;

export const seriesFiles = (
	series = SERIES,
	scenarios: Record<string, string> = {
		'first-call': FIRST_CALL,
		'follow-up': FOLLOW_UP,
		closing: CLOSING
	}
): { path: string; text: string }[] => [
	...Object.entries(scenarios).map(([id, text]) => ({ path: `en/scenarios/${id}.yaml`, text })),
	{ path: 'en/series/lin-hardware.yaml', text: series }
];
