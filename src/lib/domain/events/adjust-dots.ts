/**
 * A dot-voting form posted by one of DotsBallot's − or + buttons without JavaScript
 * (`adjust=<option id>:up|down`): the same values with one dot more or less on that option,
 * never below zero. The round's rules are checked when the ballot is cast, not here.
 */
export function adjustDots(values: Record<string, string>): Record<string, string> {
	const [option, change] = (values.adjust ?? '').split(':');
	const name = `mark.${option}`;
	if (!option || !(name in values)) return values;
	const current = Number(values[name]) || 0;
	return { ...values, [name]: String(Math.max(0, current + (change === 'up' ? 1 : -1))) };
}
