import type { Cookies } from '@sveltejs/kit';

type CookieOptions = Parameters<Cookies['set']>[2];

/**
 * An in-memory cookie jar with SvelteKit's Cookies interface, for driving the auth providers.
 * Like the browser that receives the Set-Cookie headers, it drops a cookie set with maxAge 0; like
 * SvelteKit, it refuses a cookie without a path. `options` keeps the options each cookie was set with.
 */
export function cookieJar(): Cookies & {
	jar: Map<string, string>;
	options: Map<string, CookieOptions>;
} {
	const jar = new Map<string, string>();
	const options = new Map<string, CookieOptions>();
	const requirePath = (opts: CookieOptions) => {
		if (opts?.path === undefined) throw new Error('You must specify a `path` for a cookie');
	};
	return {
		jar,
		options,
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set(name, value, opts) {
			requirePath(opts);
			if (opts.maxAge === 0) {
				jar.delete(name);
				options.delete(name);
			} else {
				jar.set(name, value);
				options.set(name, opts);
			}
		},
		delete(name, opts) {
			requirePath(opts);
			jar.delete(name);
			options.delete(name);
		},
		serialize: (name, value) => `${name}=${value}`
	};
}
