import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
	it('defaults to the embedded database in ./data with the demo seeded', () => {
		expect(readConfig({})).toMatchObject({ DATA_DIR: './data', SEED_DEMO: true });
		expect(readConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
		expect(readConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
	});

	it('names the variable that is wrong', () => {
		expect(() => readConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
		expect(() => readConfig({ SUPABASE_URL: 'not a url' })).toThrow(/SUPABASE_URL/);
	});
});
