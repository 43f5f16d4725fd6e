// Leaves in the widget's message tables (pkg-embed/messages-*.js, each the
// bundle's script of www/messages/<lang>.js) only the ids that the widget
// can show (scripts/named-by.mjs). The tables carry every word of the page
// too (its report's tables, CSV and comparison, the page's own words),
// which the widget's minified scripts no longer name: terser has dropped
// the code that did (scripts/bundle.mjs). An id the widget lacks would be
// shown as the id itself, which the embed tests would see.
// Each table is written twice: messages-<lang>.js without the words only
// the probability and the tornado show (those that only the scripts a
// widget of charts never loads name, embed-analysis.js and
// core-analysis.js), and messages-<lang>-analysis.js with them, which
// embed-first-paint.js has the widget load when `show=` has either.
//
//   node scripts/widget-messages.mjs <pkg-embed dir> <embed.html>
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { DEFINE } from './bundle.mjs';
import { minifyScript } from './minify.mjs';
import { TABLE, namedBy, widgetText } from './named-by.mjs';

/** The widget's scripts that only a widget with the probability or the tornado loads. */
export const ANALYSIS_SCRIPTS = ['embed-analysis.js', 'core-analysis.js'];

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
  const tables = {
    '': namedBy(widgetText(dir, [page], ANALYSIS_SCRIPTS), '.'),
    '-analysis': namedBy(widgetText(dir, [page]), '.'),
  };
  // The bundle's tables, each the whole of its language's.
  for (const [name, lang] of readdirSync(dir).map((file) => TABLE.exec(file)).filter((match) => match && !match[2]).sort()) {
    const { path, messages } = tableIn(readFileSync(join(dir, name), 'utf8'), name);
    for (const [suffix, named] of Object.entries(tables)) {
      const kept = Object.fromEntries(Object.entries(messages).filter(([id]) => named(id)));
      const script = `globalThis[${DEFINE}]((modules) => { modules[${JSON.stringify(path)}] = { MESSAGES: ${JSON.stringify(kept)} }; });`;
      const out = `messages-${lang}${suffix}.js`;
      writeFileSync(join(dir, out), await minifyScript(script, out));
    }
  }
}
