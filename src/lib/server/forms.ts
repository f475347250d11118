/** Reads a text field; a missing field or a file upload reads as ''. */
export function textField(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkbox groups), text values only. */
export function textFields(data: FormData, name: string): string[] {
	return data.getAll(name).filter((value): value is string => typeof value === 'string');
}
