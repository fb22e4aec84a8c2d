import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Session cookies are SameSite=Lax and every mutation is a POST form action; SvelteKit's
		// origin check stays on as the CSRF guard.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
