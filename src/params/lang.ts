import type { ParamMatcher } from '@sveltejs/kit';
import { isLang } from '$lib/i18n/languages';

export const match = ((param: string) => isLang(param)) satisfies ParamMatcher;
