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
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { DEFINE } from './bundle.mjs';
import { minifyScript } from './minify.mjs';
import { TABLE, namedBy, widgetText } from './named-by.mjs';

/**
 * The table a message script defines (the text of pkg-embed/messages-<lang>.js),
 * with the path of the module it is: `{path, messages}`.
 */
export function tableIn(script, name = 'the table') {
  const modules = {};
  runInNewContext(script, { globalThis: { [JSON.parse(DEFINE)]: (define) => define(modules) } });
  const [[path, { MESSAGES, ...others }], ...more] = Object.entries(modules);
  if (!MESSAGES || more.length || Object.keys(others).length) throw new Error(`${name}: not one module exporting MESSAGES alone`);
  return { path, messages: MESSAGES };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, page] = process.argv.slice(2);
  if (!dir || !page) {
    console.error('usage: node scripts/widget-messages.mjs <pkg-embed dir> <embed.html>');
    process.exit(2);
  }
  const named = namedBy(widgetText(dir, [page]), '.');
  for (const name of readdirSync(dir).filter((file) => TABLE.test(file)).sort()) {
    const { path, messages } = tableIn(readFileSync(join(dir, name), 'utf8'), name);
    const kept = Object.fromEntries(Object.entries(messages).filter(([id]) => named(id)));
    const script = `globalThis[${DEFINE}]((modules) => { modules[${JSON.stringify(path)}] = { MESSAGES: ${JSON.stringify(kept)} }; });`;
    writeFileSync(join(dir, name), await minifyScript(script, name));
  }
}
