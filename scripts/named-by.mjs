// What the widget's code can name: a message id or a class name is named
// when its text appears anywhere in the widget's scripts or page, or when
// it starts with the fixed head of a name built at run time, a template
// literal (`form.label.${path}`, `series-${i}`) or a concatenation
// ("form.label."+e), as terser writes either. Used to leave out of the
// widget the words (scripts/widget-messages.mjs) and the style rules
// (scripts/widget-style.mjs) that only the page uses. A name built some
// other way is not seen: write such names out in full.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A test of whether `text` (the widget's scripts and page) can name a
 * string: whether it is one of the text's words, or starts with a head,
 * the word before a template's `${` or before the quote of a string that
 * is added to (`"bar series-"+e`).
 * Words are runs of letters, digits, `_`, `-` and the characters in
 * `joiners` (`.` for message ids; none for class names, which the text
 * also writes as selectors, `.chart-frame`).
 */
export function namedBy(text, joiners = '') {
  const word = `[\\w${joiners}-]+`;
  const words = new Set(text.match(new RegExp(word, 'g')));
  const heads = [
    ...[...text.matchAll(new RegExp(`(${word})\\$\\{`, 'g'))].map((match) => match[1]),
    ...[...text.matchAll(new RegExp(`(${word})["']\\s*\\+`, 'g'))].map((match) => match[1]),
  ];
  return (name) => words.has(name) || heads.some((head) => name.startsWith(head));
}

/** The message tables among the widget's scripts (pkg-embed/messages-<lang>.js, and messages-<lang>-analysis.js). */
export const TABLE = /^messages-(\w+)(-analysis)?\.js$/;

/**
 * The text of the widget's code: its scripts in `dir` but the message
 * tables and those named in `leaving`, and `pages` (its HTML and
 * first-paint script).
 */
export function widgetText(dir, pages, leaving = []) {
  const scripts = readdirSync(dir).filter((name) => name.endsWith('.js') && !TABLE.test(name) && !leaving.includes(name)).sort();
  return [...scripts.map((name) => join(dir, name)), ...pages].map((path) => readFileSync(path, 'utf8')).join('\n');
}
