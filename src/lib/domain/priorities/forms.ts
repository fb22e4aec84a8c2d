import { z } from 'zod';

const name = z
	.string()
	.trim()
	.min(1, 'priorities.errors.name_required')
	.max(120, 'errors.too_long');
const text = z.string().trim().max(2000, 'errors.too_long');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A candidate priority area: a name in both languages, a description, at least one theme. */
export const priorityAreaForm = z.object({
	name: z.object({ en: name, fr: name }),
	description: z.object({ en: text, fr: text }),
	themeIds: z
		.array(z.string().regex(UUID, 'priorities.errors.unknown_theme'))
		.min(1, 'priorities.errors.themes_required')
		.transform((ids) => [...new Set(ids)])
});
export type PriorityAreaInput = z.infer<typeof priorityAreaForm>;

/** Posted fields: name.en, name.fr, description.en, description.fr, and one `theme` per box ticked. */
export function priorityAreaInput(data: FormData) {
	const value = (key: string) => {
		const v = data.get(key);
		return typeof v === 'string' ? v : '';
	};
	return {
		name: { en: value('name.en'), fr: value('name.fr') },
		description: { en: value('description.en'), fr: value('description.fr') },
		themeIds: data.getAll('theme').filter((v): v is string => typeof v === 'string')
	};
}
