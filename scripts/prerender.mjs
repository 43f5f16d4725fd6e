// Writes the base preset's answer into the page as static HTML, so that a
// reader sees it at first paint, before the wasm has loaded, and a reader
// without JavaScript (or a search engine, or a link preview) sees it at all:
// the headline, the two readings, the key figures, the three tables and the
// preset's rationale, computed by the core and built by the page's own
// render functions (www/render.js) on a server-side DOM (linkedom, a dev
// dependency). When the wasm is ready, main.js draws over them.
//
//   node scripts/prerender.mjs <pkg-page-dir> <index.html> > <index.html with the answer>
//
// The answer is the page's own core's (pkg-page/, as built).
//
// Each prerendered element stands on one line of index.html, opening tag,
// content and closing tag (`<p id="status" …>…</p>`): the content between
// the first `>` and the last `</` of that line is replaced, so the script
// needs no HTML parser for the page itself and the rest of the file is
// left exactly as written.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';

const [coreDir, indexPath] = process.argv.slice(2);
if (!coreDir || !indexPath) {
  console.error('usage: node scripts/prerender.mjs <pkg-page-dir> <index.html>');
  process.exit(2);
}

const core = await import(pathToFileURL(resolve(coreDir, 'aicloud_scenario.js')).href);
core.initSync({ module: readFileSync(resolve(coreDir, 'aicloud_scenario_bg.wasm')) });
globalThis.document = parseHTML('<!doctype html><html><body></body></html>').document;
// The prerendered page is English whatever the build machine's locale (Node 21
// and later have a navigator whose languages www/i18n.js would follow).
globalThis.location = { hash: '#lang=en' };
const render = await import(new URL('../www/render.js', import.meta.url).href);

const base = core.presets().find((preset) => preset.id === 'base');
const scenario = base.scenario;
const projection = core.compute(scenario);
const reported = core.reportedYears(scenario);
// The page opens in RMB (the currency control's default).
const currency = render.currencyOf('RMB', scenario.fxRmbPerUsd);
const formatted = render.tables(projection, render.displayFormat(currency), reported);
const html = (nodes) => nodes.map((node) => (typeof node === 'string' ? escapeText(node) : node.outerHTML)).join('');

const content = {
  status: html([render.headline(scenario, projection)]),
  readings: html(render.readingElements(scenario, projection)),
  'key-figures': html(render.keyFigureElements(scenario, projection, currency, reported)),
  'preset-rationale': html([base.rationale]),
  ...Object.fromEntries(['revenue', 'capex', 'tokens'].map((id, index) => [
    `${id}-table`, html([render.tableElement(formatted[index], projection.years)])])),
};

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const lines = readFileSync(indexPath, 'utf8').split('\n');
for (const [id, inner] of Object.entries(content)) {
  if (inner.includes('\n')) throw new Error(`#${id}: the prerendered content has a line break`);
  const at = lines.findIndex((line) => line.includes(` id="${id}"`));
  if (at < 0) throw new Error(`${indexPath}: no element with id="${id}"`);
  const line = lines[at];
  const open = line.indexOf('>', line.indexOf(` id="${id}"`)) + 1;
  const close = line.lastIndexOf('</');
  if (open === 0 || close < open) throw new Error(`${indexPath}:${at + 1}: #${id} must open and close on one line`);
  lines[at] = line.slice(0, open) + inner + line.slice(close);
}
process.stdout.write(lines.join('\n'));
