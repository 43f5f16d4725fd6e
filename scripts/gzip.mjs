// The one compression this project weighs and serves with: gzip at level 9,
// the measure of issue 11's budgets. scripts/serve.mjs sends bodies so,
// and scripts/weight.mjs weighs them so (scripts/embed-core.mjs inlines the
// widget's wasm compressed by Zopfli, whose gzip is smaller).
import { gzipSync } from 'node:zlib';

/** `bytes` gzipped at level 9; no name or time in the header, so the same bytes give the same output. */
export const gzip9 = (bytes) => gzipSync(bytes, { level: 9 });
