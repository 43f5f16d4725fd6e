// The English page's message table as served: www/messages/en.js without
// the words that the page's HTML already shows in English and no script
// names. `translateDocument` (www/i18n.js) writes each `[data-i18n]`
// element's words from the table, and leaves an element whose id the table
// lacks as the document has it; so an id can go when every element that
// names it already holds its English words, exactly, and no script of
// www/ (scripts/named-by.mjs: a word of their text, or a name they build)
// could ask for it. The Chinese table keeps every id: it translates the
// English document. Used by scripts/site.mjs for dist/www/messages/en.js.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { DOCUMENT_WORDS } from '../www/i18n.js';
import { ROOT } from './assets.mjs';
import { namedBy } from './named-by.mjs';

/**
 * The source of the English page's table: `export const MESSAGES = {…}`
 * with the ids that `html` (the page as served) alone names and already
 * shows, left out.
 */
export async function englishPageTable(html) {
  const { MESSAGES } = await import(pathToFileURL(join(ROOT, 'www/messages/en.js')).href);
  // The sources (not page.js, the build's bundle of them).
  const scripts = readdirSync(join(ROOT, 'www')).filter((name) => name.endsWith('.js') && name !== 'page.js');
  const named = namedBy(scripts.map((name) => readFileSync(join(ROOT, 'www', name), 'utf8')).join('\n'), '.');
  const { document } = parseHTML(html);
  const shown = (id) => {
    const held = DOCUMENT_WORDS.flatMap(([attribute, target]) => [...document.querySelectorAll(`[${attribute}]`)]
      .filter((node) => node.getAttribute(attribute) === id)
      .map((node) => (target ? node.getAttribute(target) : node.textContent)));
    return held.length > 0 && held.every((words) => words === MESSAGES[id]);
  };
  const kept = Object.fromEntries(Object.entries(MESSAGES).filter(([id]) => named(id) || !shown(id)));
  return `export const MESSAGES = ${JSON.stringify(kept)};\n`;
}
