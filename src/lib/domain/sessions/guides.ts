import { z } from 'zod';
import { bilingualFrom } from '../builder/forms';

/* A discussion guide's forms. Field names are paths ('title.en') so errors name their inputs. */

const required = (max: number, message: string) =>
	z.string().trim().min(1, message).max(max, 'errors.too_long');

/** A guide is used in either language, so its title and every prompt need both. */
export const guideTitleForm = z.object({
	title: z.object({
		en: required(200, 'guides.errors.title_required'),
		fr: required(200, 'guides.errors.title_required')
	})
});

export const promptForm = z.object({
	prompt: z.object({
		en: required(1000, 'guides.errors.prompt_required'),
		fr: required(1000, 'guides.errors.prompt_required')
	})
});

export function guideTitleInput(values: Record<string, string>) {
	return { title: bilingualFrom(values, 'title') };
}

export function promptInput(values: Record<string, string>) {
	return { prompt: bilingualFrom(values, 'prompt') };
}

/** The order after moving one prompt a place up or down; null at the edge or when not there. */
export function movedOrder(ids: readonly string[], id: string, direction: 'up' | 'down') {
	const from = ids.indexOf(id);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from < 0 || to < 0 || to >= ids.length) return null;
	const order = [...ids];
	[order[from], order[to]] = [order[to], order[from]];
	return order;
}
