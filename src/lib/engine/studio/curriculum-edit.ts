import { isOneOf } from '../one-of';
import type { DraftData } from '../content/draft';
import { MODULE_ITEM_KIND, MODULE_TYPES, type ModuleType } from '../content/schemas';

type Day = DraftData['curriculum']['days'][number];
export type ModuleDraft = Day['modules'][number];

export const MIN_DAYS = 3;
export const MAX_DAYS = 5;

export function isModuleType(value: string): value is ModuleType {
	return isOneOf(MODULE_TYPES, value);
}

/**
 * Which settings a module of a type uses: a drill or a role-play is played in a mode and counts as
 * done at a pass mark; a series counts as done at a pass mark of its series score (its calls are
 * played in any mode); a sign-off is scored on a rubric. (A quiz module is done at the quiz's own
 * pass mark, so it has none here.)
 */
export function moduleSettings(type: string): { mode: boolean; pass: boolean; rubric: boolean } {
	const played = type === 'drill' || type === 'scenario';
	return { mode: played, pass: played || type === 'series', rubric: type === 'signoff' };
}

/**
 * Changes a module's type. Items of another kind are dropped (articles cannot be played), and so
 * are settings the new type does not use, so the file never keeps a hidden pass mark or rubric.
 */
export function changeModuleType(module: ModuleDraft, type: string): void {
	const before = isModuleType(module.type) ? MODULE_ITEM_KIND[module.type] : null;
	const after = isModuleType(type) ? MODULE_ITEM_KIND[type] : null;
	module.type = type;
	if (before !== after) module.items = [];
	const uses = moduleSettings(type);
	if (!uses.mode) delete module.mode;
	if (!uses.pass) delete module.pass;
	if (!uses.rubric) delete module.rubric;
}

export function newModule(): ModuleDraft {
	return { type: 'read', title: '', items: [] };
}

export function newDay(): Day {
	return { title: '', modules: [newModule()] };
}
