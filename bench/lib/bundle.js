import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../scripts/build-if-stale.js';

/**
 * Imports one of the app's TypeScript modules from Node: the domain code is TypeScript, so it is
 * bundled once into plain JavaScript in a throwaway folder (removed again) and imported from there.
 * @param {string} entry path from the repository root, e.g. 'src/lib/domain/coding/suggest.ts'
 * @returns {Promise<any>} the module's exports
 */
export async function importBundled(entry) {
	const dir = mkdtempSync(join(tmpdir(), 'cg-bench-bundle-'));
	const outfile = join(dir, 'module.mjs');
	try {
		await build({
			entryPoints: [join(root, entry)],
			bundle: true,
			format: 'esm',
			platform: 'node',
			outfile,
			logLevel: 'error'
		});
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
