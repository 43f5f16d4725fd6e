// What the widget's code can name: a message id or a class name is named
// when its text appears anywhere in the widget's scripts or page, or when
// it can be built at run time: by a template literal (`form.label.${path}`,
// `series-${i}`, `form.preset.${id}.label`: its fixed head, then anything
// for each interpolation, and the fixed text between and after them), or
// by a concatenation ("form.label."+e: its fixed head), as terser writes
// either. Used to leave out of the widget the words
// (scripts/widget-messages.mjs) and the style rules
// (scripts/widget-style.mjs) that only the page uses. A name built some
// other way is not seen: write such names out in full.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A test of whether `text` (the widget's scripts and page) can name a
 * string: whether it is one of the text's words, or matches a template's
 * word that has a fixed head (`form.preset.${e.id}.label` names
 * `form.preset.bull.label`, not `form.preset.bull.rationale`), or starts
 * with a head that is added to (`"bar series-"+e`), or that begins a
 * template's word whose end cannot be read (an interpolation with braces
 * or quotes in it).
 * Words are runs of letters, digits, `_`, `-` and the characters in
 * `joiners` (`.` for message ids; none for class names, which the text
 * also writes as selectors, `.chart-frame`).
 */
export function namedBy(text, joiners = '') {
  const char = `[\\w${joiners}-]`;
  const word = `${char}+`;
  const words = new Set(text.match(new RegExp(word, 'g')));
  const escape = (literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A head, then simple interpolations and fixed text up to the end of the word.
  const interpolation = /\$\{[^{}`'"]*\}/;
  const template = new RegExp(`(${word})((?:${interpolation.source}${char}*)+)(?![\\w${joiners}$-])`, 'g');
  const patterns = [];
  const read = []; // where the templates' words are: [start, end)
  for (const match of text.matchAll(template)) {
    const [whole, head, rest] = match;
    patterns.push(new RegExp(`^${escape(head)}${rest.split(interpolation).map(escape).join('.*')}$`, 's'));
    read.push([match.index, match.index + whole.length]);
  }
  const unread = ({ index }) => !read.some(([start, end]) => index >= start && index < end);
  const heads = [
    ...[...text.matchAll(new RegExp(`(${word})\\$\\{`, 'g'))].filter(unread).map((match) => match[1]),
    ...[...text.matchAll(new RegExp(`(${word})["']\\s*\\+`, 'g'))].map((match) => match[1]),
  ];
  return (name) => words.has(name) || patterns.some((pattern) => pattern.test(name)) || heads.some((head) => name.startsWith(head));
}

/** The message tables among the widget's scripts (pkg-embed/messages-<lang>.js, and messages-<lang>-analysis.js). */
export const TABLE = /^messages-(\w+)(-analysis)?\.js$/;

/**
 * The text of the widget's code: its scripts in `dir` but the message
 * tables and those named in `leaving`, and `pages` (its HTML, of which only
 * the tags count: its words for readers name no class and no message, and
 * its first-paint script).
 */
export function widgetText(dir, pages, leaving = []) {
  const scripts = readdirSync(dir).filter((name) => name.endsWith('.js') && !TABLE.test(name) && !leaving.includes(name)).sort();
  const code = (path) => {
    const text = readFileSync(path, 'utf8');
    return path.endsWith('.html') ? (text.match(/<[^>]*>/g) ?? []).join('\n') : text;
  };
  return [...scripts.map((name) => join(dir, name)), ...pages].map(code).join('\n');
}
