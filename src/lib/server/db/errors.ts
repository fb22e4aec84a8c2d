/** SQLSTATE and hint of a database error, the same on PGlite and postgres.js. */
export function pgError(error: unknown): { code?: string; hint?: string } {
	if (typeof error !== 'object' || error === null) return {};
	const { code, hint } = error as { code?: unknown; hint?: unknown };
	return {
		code: typeof code === 'string' ? code : undefined,
		hint: typeof hint === 'string' ? hint : undefined
	};
}

export const UNIQUE_VIOLATION = '23505';
export const INSUFFICIENT_PRIVILEGE = '42501';
