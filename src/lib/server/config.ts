import { z } from 'zod';

const flag = z
	.enum(['true', 'false', '1', '0', ''])
	.optional()
	.transform((value) => value === undefined || value === '' || value === 'true' || value === '1');

const schema = z.object({
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z.string().min(1).optional(),
	// connections to PostgreSQL per server instance; each request's transaction holds one, so
	// this bounds how many submissions commit at once (mind the database's max_connections,
	// or the pooler's pool size, across every instance)
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
	SEED_DEMO: flag,
	DEMO_ORGANIZER_PASSWORD: z.string().min(12).optional(),
	SUPABASE_URL: z.url().optional(),
	SUPABASE_ANON_KEY: z.string().min(1).optional()
});

export type Config = z.infer<typeof schema>;

/** Environment → typed configuration; a bad value stops start-up naming the variable. */
export function readConfig(env: Record<string, string | undefined>): Config {
	const blank = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const parsed = schema.safeParse({ ...blank, SEED_DEMO: env.SEED_DEMO });
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid configuration: ${problems.join('; ')}`);
	}
	return parsed.data;
}
