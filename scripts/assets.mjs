// What a page loads on a first visit: its HTML, what the HTML links
// (stylesheet, icon, scripts), and what each script loads in turn, found by
// following the references the code base writes (`import … from './x.js'`,
// `new URL('./x.js', import.meta.url)` for the worker and the wasm, the
// service worker's registration, and in the widget's bundle
// `new URL("x.js", document.currentScript.src)` for the scripts it loads on
// demand, which scripts/bundle.mjs writes so). Used
// for the service worker's precache list (scripts/service-worker.mjs) and
// for the weight budgets (scripts/weight.mjs).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const HTML_REFERENCE = /<(?:script|link)\b[^>]*?\s(?:src|href)="(?<href>[^"#:?]+)"/g;
// Each reference as the sources write it or as a minified script does
// (double quotes, no space, several statements on a line): `import`, `url`
// and `worker` are loaded before the page works, `demand` and `script`
// (the widget's) on demand.
const JS_REFERENCE = new RegExp([
  String.raw`(?:^|;)\s*import\b[^;]*?from\s*(?<q1>['"])(?<import>[^'"]+)\k<q1>`,
  String.raw`new URL\((?<q2>['"])(?<url>[^'"]+)\k<q2>, ?import\.meta\.url\)`,
  String.raw`serviceWorker\?\.register\((?<q3>['"])(?<worker>[^'"]+)\k<q3>\)`,
  String.raw`\(await[\s(]*import\((?<q4>['"])(?<demand>[^'"]+)\k<q4>\)`,
  String.raw`new URL\((?<q5>['"])(?<script>[^'"]+)\k<q5>, ?document\.currentScript\.src\)`,
].join('|'), 'gms');

/**
 * The files `entry` (an HTML page, a path from the repository root) loads,
 * as repository paths in the order found, the page first. `read(path)`
 * gives a file's text (default: from the repository), so a build can point
 * it at fresh output. Modules loaded on demand (`await import('./x.js')`,
 * and the widget's scripts of them: the Chinese messages) are in it unless
 * `onDemand` is false. With `staticImports`, only `import … from` is
 * followed: the modules a module imports before it runs.
 */
export function firstVisit(entry, read = (path) => readFileSync(join(ROOT, path), 'utf8'), { onDemand = true, staticImports = false } = {}) {
  const found = [entry];
  for (let i = 0; i < found.length; i += 1) {
    const file = found[i];
    const pattern = file.endsWith('.html') ? HTML_REFERENCE : file.endsWith('.js') ? JS_REFERENCE : null;
    if (!pattern) continue;
    for (const { groups } of read(file).matchAll(pattern)) {
      const { import: imported, url, worker, demand, script, href } = groups;
      if ((demand || script) && !onDemand) continue;
      if (staticImports && !(imported || href)) continue;
      const reference = imported ?? url ?? worker ?? demand ?? script ?? href;
      const path = relative(ROOT, resolve(ROOT, dirname(file), reference));
      if (path !== entry && !found.includes(path)) found.push(path);
    }
  }
  return found;
}
