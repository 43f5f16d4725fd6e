// The English page's table as served (scripts/page-messages.mjs): an id
// goes only when no script of www/ names it and every element that names it
// already holds its English words; translateDocument then leaves those
// elements as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { englishPageTable } from '../../scripts/page-messages.mjs';
import { MESSAGES } from '../../www/messages/en.js';

const PREFIX = 'export const MESSAGES = ';
/** The ids of the table englishPageTable writes for `html`. */
async function kept(html) {
  const text = await englishPageTable(html);
  assert.ok(text.startsWith(PREFIX) && text.endsWith(';\n'));
  return new Set(Object.keys(JSON.parse(text.slice(PREFIX.length, -2))));
}

// Named by index.html only: the skip link's words, and the language switch's label.
const SKIP = 'page.skip.inputs';
const LANGUAGE = 'page.language';

test('an id that only the HTML names, holding its English words, goes; everything else stays', async () => {
  const page = `<a data-i18n="${SKIP}">${MESSAGES[SKIP]}</a><nav data-i18n-label="${LANGUAGE}" aria-label="${MESSAGES[LANGUAGE]}"></nav>`;
  const ids = await kept(page);
  assert.ok(!ids.has(SKIP) && !ids.has(LANGUAGE));
  assert.deepEqual([...ids].sort(), Object.keys(MESSAGES).filter((id) => id !== SKIP && id !== LANGUAGE).sort());
});

test('an id stays when an element that names it holds other words, or a script names it', async () => {
  // Other words, in one element or in one of two.
  assert.ok((await kept(`<a data-i18n="${SKIP}">Skip</a>`)).has(SKIP));
  assert.ok((await kept(`<a data-i18n="${SKIP}">${MESSAGES[SKIP]}</a><a data-i18n="${SKIP}">Skip</a>`)).has(SKIP));
  // The words in the wrong place: the label's as text.
  assert.ok((await kept(`<nav data-i18n-label="${LANGUAGE}">${MESSAGES[LANGUAGE]}</nav>`)).has(LANGUAGE));
  // Named by main.js (the stale note's words are written again when a field is bad).
  assert.ok((await kept(`<p data-i18n="page.stale">${MESSAGES['page.stale']}</p>`)).has('page.stale'));
});

test('the page as built leaves out only ids that its HTML names', async () => {
  const html = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');
  const ids = await kept(html);
  const dropped = Object.keys(MESSAGES).filter((id) => !ids.has(id));
  assert.ok(dropped.length > 0);
  for (const id of dropped) assert.ok(html.includes(`"${id}"`), id);
});
