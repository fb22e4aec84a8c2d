import { localProvider } from './auth/local-provider';
import type { AuthProvider } from './auth/provider';
import { supabaseProvider } from './auth/supabase-provider';
import type { Config } from './config';
import { openDatabase } from './db/open-database';
import type { Db } from './db/types';

export interface Platform {
	db: Db;
	auth: AuthProvider;
}

let current: Platform | undefined;

/** Opens the database and picks the sign-in provider; called once at server start. */
export async function startPlatform(config: Config): Promise<Platform> {
	const db = await openDatabase(config);
	const auth =
		config.SUPABASE_URL && config.SUPABASE_ANON_KEY
			? supabaseProvider(db, config.SUPABASE_URL, config.SUPABASE_ANON_KEY)
			: localProvider(db);
	current = { db, auth };
	return current;
}

export function platform(): Platform {
	if (!current)
		throw new Error('The platform is not started (startPlatform runs in the init hook).');
	return current;
}
