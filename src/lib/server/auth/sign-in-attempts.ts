import type { Queryable } from '../db/types';

// Failed attempts allowed per key in the window before sign-in is refused for that key.
export const MAX_FAILURES = { email: 5, ip: 20 };
export const WINDOW_MINUTES = 15;

export function attemptKeys(email: string, ip: string) {
	return { email: `email:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

/**
 * Rate limit kept in the database, so it holds across restarts and across server instances.
 * Returns true when this email or address has failed too often recently.
 */
export async function isRateLimited(db: Queryable, email: string, ip: string): Promise<boolean> {
	const keys = attemptKeys(email, ip);
	const [row] = await db.query<{ by_email: number; by_ip: number }>(
		`select
			count(*) filter (where key = $1)::int as by_email,
			count(*) filter (where key = $2)::int as by_ip
		from public.sign_in_attempts
		where key in ($1, $2) and not succeeded
			and attempted_at > now() - make_interval(mins => $3::int)`,
		[keys.email, keys.ip, WINDOW_MINUTES]
	);
	return row.by_email >= MAX_FAILURES.email || row.by_ip >= MAX_FAILURES.ip;
}

export async function recordAttempt(
	db: Queryable,
	email: string,
	ip: string,
	succeeded: boolean
): Promise<void> {
	const keys = attemptKeys(email, ip);
	await db.query(`insert into public.sign_in_attempts (key, succeeded) values ($1, $3), ($2, $3)`, [
		keys.email,
		keys.ip,
		succeeded
	]);
	// Old rows serve no purpose; pruning here keeps the table small without a scheduler.
	await db.query(
		`delete from public.sign_in_attempts where attempted_at < now() - interval '1 day'`
	);
}
