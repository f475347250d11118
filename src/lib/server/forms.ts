import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { isOneOf } from '$lib/engine/one-of';
import { boundaryOf, multipartParts } from './multipart';

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Reads a posted form, for every action and form endpoint. A post that is not a form (no content
 * type, or text/plain, which Kit lets through to actions) is a 415 and a body that cannot be read
 * as the form it claims to be (a malformed multipart body) a 400: the caller sent something
 * wrong, so neither is a server error.
 */
export async function readForm(event: { request: Request }): Promise<FormData> {
	formTypeOf(event.request);
	try {
		return await event.request.formData();
	} catch (cause) {
		// A body over BODY_SIZE_LIMIT fails here with Kit's own 413, which has its translated page.
		if (hasStatus(cause)) throw cause;
		error(400, 'The form could not be read');
	}
}

function formTypeOf(request: Request): string {
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.has(type))
		error(415, 'Expected a form (application/x-www-form-urlencoded or multipart/form-data)');
	return type;
}

/**
 * `readForm` for a form that may carry one large file (a spoken reply's recording): its bytes as
 * they arrived, a view of the body rather than a File and a copy of it, and the other fields as
 * the form. A multipart body is read whole and split at its boundary here: the fetch
 * implementation's parser walks the body in script and copies every file into a Blob, which cost a
 * spoken turn more than the rest of reading it. Same answers as `readForm` to what is not a form
 * (415) or cannot be read as one (400). Only a part with a file name counts as the file, as for
 * `readForm`, where any other is a text field; other file parts stay in the form, as Files.
 */
export async function readFormWithFile(
	event: { request: Request },
	fileField: string
): Promise<{ form: FormData; file: Uint8Array | null }> {
	const contentType = event.request.headers.get('content-type') ?? '';
	if (formTypeOf(event.request) !== 'multipart/form-data')
		return { form: await readForm(event), file: null };
	const boundary = boundaryOf(contentType);
	let body: Buffer;
	try {
		body = Buffer.from(await event.request.arrayBuffer());
	} catch (cause) {
		if (hasStatus(cause)) throw cause;
		error(400, 'The form could not be read');
	}
	const parts = boundary && multipartParts(body, boundary);
	if (!parts) error(400, 'The form could not be read');
	const form = new FormData();
	let file: Uint8Array | null = null;
	for (const part of parts) {
		if (part.filename === null) form.append(part.name, part.content.toString('utf8'));
		else if (part.name === fileField && file === null) file = part.content;
		else
			form.append(
				part.name,
				new File([new Uint8Array(part.content)], part.filename, { type: part.type })
			);
	}
	return { form, file };
}

/** The fields of a form, each with the schema its text must pass (valibot). */
export type FormFields = Record<string, v.GenericSchema<string | string[] | undefined, unknown>>;

type FormValue<F extends FormFields> = { [K in keyof F]: v.InferOutput<F[K]> };

export type ParsedForm<F extends FormFields> =
	F extends Record<string, Lenient>
		? { ok: true; value: FormValue<F> }
		: | { ok: true; value: FormValue<F> }
			/** `field`: the first field that failed, which the page names in its own language. */
			| { ok: false; field: keyof F & string };

/**
 * Reads a form's fields by their schemas, the one way an action checks its input. Only the fields
 * named (own properties of `fields`) are read: a posted `__proto__` or `constructor` is never
 * looked at. A field whose schema is an array reads every value of the repeated field; any other
 * reads its text, or `undefined` when it is missing or a file upload.
 */
export function parseForm<F extends FormFields>(data: FormData, fields: F): ParsedForm<F> {
	const value: Record<string, unknown> = {};
	for (const name of Object.keys(fields)) {
		const schema = fields[name]!;
		const raw = schema.type === 'array' ? textFields(data, name) : (data.get(name) ?? undefined);
		const parsed = v.safeParse(
			schema,
			typeof raw === 'object' && !Array.isArray(raw) ? undefined : raw
		);
		if (!parsed.success) return { ok: false, field: name } as ParsedForm<F>;
		value[name] = parsed.output;
	}
	return { ok: true, value } as ParsedForm<F>;
}

/** Text that must show something, trimmed, cut at `max` (see `clipText`). */
export const requiredText = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check((text) => !isBlank(text)),
		v.transform((text) => clipText(text, max))
	);

/** A whole number written in the field, within `min`–`max`. */
export const wholeNumber = (min: number, max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(),
		v.toNumber(),
		v.integer(),
		v.minValue(min),
		v.maxValue(max)
	);

/** A number written in the field (decimals allowed), within `min`–`max`. */
export const numberBetween = (min: number, max: number) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty(), v.toNumber(), v.minValue(min), v.maxValue(max));

/*
 * The schemas below never fail: they give the action the text as posted ('' when the field is
 * missing or a file), for an action or service that checks it further and has more than one
 * problem code for the field ("missing" and "too long", say). A field with one problem code takes
 * a schema that fails (requiredText, choice, idText, a literal) and the action answers `!form.ok`
 * with that code. A form whose fields all never fail always parses: its `value` is read directly.
 * Pipe no check after one of these (its type would still say it never fails).
 */
declare const neverFails: unique symbol;
/** A schema that takes whatever is posted (a type-only mark, see `ParsedForm`). */
export type Lenient = { readonly [neverFails]: true };
const lenient = <S>(schema: S) => schema as S & Lenient;

const postedText = v.optional(v.string(), '');

/** The field's text as posted; '' when it is missing or a file upload. */
export const anyText = lenient(postedText);

/** The field's text as posted, or `undefined` when it is missing (a row the form did not show). */
export const textOrNone = lenient(v.optional(v.string()));

/** The field's text without the white space around it; '' when missing. */
export const trimmedText = lenient(v.pipe(postedText, v.trim()));

/** The field's text cut at `max` (see `clipText`), not trimmed; '' when missing. */
export const clippedText = (max: number) =>
	lenient(
		v.pipe(
			postedText,
			v.transform((text) => clipText(text, max))
		)
	);

/** The field read as `Number()` reads it (0 when empty or missing, NaN when not a number). */
export const numberText = lenient(
	v.pipe(
		postedText,
		v.transform((text) => Number(text))
	)
);

/** A checkbox or switch: whether the field holds `on` (what its form posts when it is on). */
export const checkbox = (on: string) =>
	lenient(
		v.pipe(
			postedText,
			v.transform((text) => text === on)
		)
	);

/** One value of a fixed list, or `undefined` when the field is missing or holds anything else. */
export const choiceOrNone = <const T extends string>(options: readonly T[]) =>
	lenient(v.fallback(v.optional(v.picklist(options)), undefined));

/** Every value of a repeated field (checkbox groups). */
export const allTexts = lenient(v.array(v.string()));

/** The values of a repeated field that are in a fixed list; any other is dropped. */
export const choicesAmong = <const T extends string>(options: readonly T[]) =>
	lenient(
		v.pipe(
			v.array(v.string()),
			v.transform((values) => values.filter((value) => isOneOf(options, value)))
		)
	);

/** An id: any text but the empty one, looked up by the action. */
export const idText = v.pipe(v.string(), v.nonEmpty());

/** One value of a fixed list (a role, a language, an outcome). */
export const choice = <const T extends string>(options: readonly T[]) => v.picklist(options);

/** Reads a text field; a missing field or a file upload reads as ''. */
export function textField(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkbox groups), text values only. */
export function textFields(data: FormData, name: string): string[] {
	return data.getAll(name).filter((value): value is string => typeof value === 'string');
}

/**
 * Whether text shows nothing: white space and invisible characters only (zero-width space and
 * joiners, word joiner, byte-order mark, direction marks: Unicode's default-ignorable characters).
 */
export function isBlank(text: string): boolean {
	return /^[\s\p{Default_Ignorable_Code_Point}]*$/u.test(text);
}

/**
 * Cuts text to at most `max` UTF-16 units (what a browser's maxlength counts) without splitting a
 * character: a rare CJK character or an emoji is two units, and half of one is not text.
 */
export function clipText(text: string, max: number): string {
	if (text.length <= max) return text;
	const code = text.charCodeAt(max - 1);
	// A high surrogate as the last unit kept: its other half would be cut off.
	return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Kit's errors from reading a body (SvelteKitError) carry their HTTP status. */
function hasStatus(cause: unknown): boolean {
	return (
		typeof cause === 'object' &&
		cause !== null &&
		typeof (cause as { status?: unknown }).status === 'number'
	);
}
