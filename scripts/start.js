// `npm start`: builds the app when the build is missing or older than the sources, then serves
// it with the Node adapter on PORT (default 3000).
import { buildIfStale } from './build-if-stale.js';

const status = buildIfStale();
if (status !== 0) process.exit(status);

// The adapter compares form posts' Origin header with ORIGIN (CSRF protection); without it the
// adapter assumes https. Locally the platform answers on plain http: say so unless told otherwise.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`;

// The adapter's default request limit (512K) is below what the paper import accepts (5 MB):
// allow 10M unless told otherwise. Census files are read in the browser; only the no-script
// upload path needs more (see README).
process.env.BODY_SIZE_LIMIT ??= '10M';

await import('../build/index.js');
