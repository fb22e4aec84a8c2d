import { page } from '$app/state';
import { translator, type Translate } from './index';
import type { Lang } from './languages';

// Components read the language the root layout put on the page, so they need no props for it.
export const pageLang = (): Lang => (page.data as { lang?: Lang }).lang ?? 'en';
export const pageT = (): Translate => translator(pageLang());
