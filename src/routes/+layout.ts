import { translator } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// Universal load: the translate function cannot travel from the server, so it is made here,
// on whichever side renders.
export const load = (({ data }) => ({ ...data, t: translator(data.lang) })) satisfies LayoutLoad;
