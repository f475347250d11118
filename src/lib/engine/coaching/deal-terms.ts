// The deal review's scale and fixed numbers on their own, for the content schemas, the studio's
// forms and the browser's labels: the rules that read evidence from its words (evidence.ts) need the
// Chinese folding tables, a megabyte no page's browser code should download for four names and
// two numbers.

/** The evidence strength scale, weakest first: see STRENGTH_MEANING in evidence.ts. */
export const EVIDENCE_STRENGTHS = ['weak', 'medium', 'strong', 'very-strong'] as const;
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];

/** Days without contact after which a deal is flagged (calendar days: weekends count). */
export const NO_CONTACT_DAYS = 14;
/**
 * The follow-up cadence has 8 to 11 calls; once the 11th is made without strong objective
 * evidence, the article says to move the prospect to nurture (one call in three months).
 */
export const NURTURE_AFTER_CALLS = 11;
