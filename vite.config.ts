import { sveltekit } from '@sveltejs/kit/vite';
import { basename, extname, isAbsolute, relative } from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';
import { defineConfig } from 'vitest/config';

const PAGE_SCRIPT = '?page-script';
const placeholder = (reference: string) => `__PAGE_SCRIPT_${reference}__`;
const PLACEHOLDER = /__PAGE_SCRIPT_([\w$]+)__/g;

/**
 * `import src from './enhance.ts?page-script'`: the URL of that module compiled on its own into
 * one small, minified, fingerprinted ES module, for a `<script type="module">` on a page that
 * ships no SvelteKit client (csr = false). In dev the module is served by Vite as it is.
 *
 * In a build it is bundled by a separate Vite build (no Svelte, no SvelteKit) and emitted as an
 * asset of the build that imports it; SvelteKit copies the server build's assets
 * (_app/immutable/assets) to the client output, where adapter-node serves them precompressed
 * with immutable caching. The app is served at the root (no kit.paths.base), so the URL is
 * absolute.
 */
function pageScript(): Plugin {
	let config: ResolvedConfig;
	return {
		name: 'common-ground:page-script',
		enforce: 'pre',
		configResolved(resolved) {
			config = resolved;
		},
		async resolveId(source, importer) {
			if (!source.endsWith(PAGE_SCRIPT)) return null;
			const resolved = await this.resolve(source.slice(0, -PAGE_SCRIPT.length), importer, {
				skipSelf: true
			});
			return resolved && `${resolved.id}${PAGE_SCRIPT}`;
		},
		async load(id) {
			if (!id.endsWith(PAGE_SCRIPT)) return null;
			const file = id.slice(0, -PAGE_SCRIPT.length);
			if (config.command === 'serve') {
				const path = relative(config.root, file);
				const url =
					path.startsWith('..') || isAbsolute(path)
						? `/@fs${file}`
						: `/${path.split('\\').join('/')}`;
				return `export default ${JSON.stringify(url)};`;
			}
			const output = (await build({
				configFile: false,
				root: config.root,
				mode: config.mode,
				logLevel: 'warn',
				publicDir: false,
				resolve: { alias: config.resolve.alias },
				build: {
					write: false,
					minify: true,
					modulePreload: false,
					sourcemap: false,
					copyPublicDir: false,
					rollupOptions: { input: file, output: { format: 'es', inlineDynamicImports: true } }
				}
			})) as Rollup.RollupOutput | Rollup.RollupOutput[];
			const chunk = [output]
				.flat()
				.flatMap((result) => result.output)
				.find((item): item is Rollup.OutputChunk => item.type === 'chunk' && item.isEntry);
			if (!chunk) throw new Error(`${file}: the page script build produced no module`);
			for (const module of chunk.moduleIds) if (!module.startsWith('\0')) this.addWatchFile(module);
			const reference = this.emitFile({
				type: 'asset',
				name: `${basename(file, extname(file))}.js`,
				source: chunk.code
			});
			return `export default ${JSON.stringify(placeholder(reference))};`;
		},
		renderChunk(code) {
			if (!code.includes('__PAGE_SCRIPT_')) return null;
			return {
				code: code.replace(
					PLACEHOLDER,
					(_, reference: string) => `/${this.getFileName(reference)}`
				),
				map: null
			};
		}
	};
}

export default defineConfig({
	plugins: [pageScript(), sveltekit()],
	server: { fs: { allow: ['supabase'] } },
	test: {
		include: ['src/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		globalSetup: ['tests/db/postgres-global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Each database test file opens its own PGlite and its own Postgres database; two cores.
		maxWorkers: 2
	}
});
