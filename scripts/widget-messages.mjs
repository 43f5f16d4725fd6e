// Leaves in the widget's message tables (pkg-embed/messages-*.js, each the
// bundle's script of www/messages/<lang>.js) only the ids that the widget
// can show (scripts/named-by.mjs). The tables carry every word of the page
// too (its report's tables, CSV and comparison, the page's own words),
// which the widget's minified scripts no longer name: terser has dropped
// the code that did (scripts/bundle.mjs). An id the widget lacks would be
// shown as the id itself, which the embed tests would see.
//
//   node scripts/widget-messages.mjs <pkg-embed dir> <embed.html>
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { DEFINE } from './bundle.mjs';
import { minifyScript } from './minify.mjs';
import { TABLE, namedBy, widgetText } from './named-by.mjs';

/** The modules a script loaded on demand defines: `{ [path]: exports }`. */
function definedBy(script) {
  const modules = {};
  runInNewContext(script, { globalThis: { [JSON.parse(DEFINE)]: (define) => define(modules) } });
  return modules;
}

const [dir, page] = process.argv.slice(2);
if (!dir || !page) {
  console.error('usage: node scripts/widget-messages.mjs <pkg-embed dir> <embed.html>');
  process.exit(2);
}
const named = namedBy(widgetText(dir, [page]), '.');
for (const name of readdirSync(dir).filter((file) => TABLE.test(file)).sort()) {
  const modules = definedBy(readFileSync(join(dir, name), 'utf8'));
  const [[path, { MESSAGES, ...others }], ...more] = Object.entries(modules);
  if (!MESSAGES || more.length || Object.keys(others).length) throw new Error(`${name}: not one module exporting MESSAGES alone`);
  const kept = Object.fromEntries(Object.entries(MESSAGES).filter(([id]) => named(id)));
  const script = `globalThis[${DEFINE}]((modules) => { modules[${JSON.stringify(path)}] = { MESSAGES: ${JSON.stringify(kept)} }; });`;
  writeFileSync(join(dir, name), await minifyScript(script, name));
}
