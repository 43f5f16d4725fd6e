// The widget's stylesheet: www/style.css without the rules that only the
// page uses. A selector is left out when it names a class or an id that
// the widget's code cannot name (scripts/named-by.mjs): the page's
// summary bar, sharing, comparison table, tables of figures, the How
// likely? section and the like. A rule goes when all its selectors do, an
// at-rule (@media, @container) when all its rules do. Classes inside
// `:not()` are not counted, since `:not(.x)` matches where `.x` is absent,
// nor the text of attribute selectors (`[href$=".svg"]`).
// The rest is kept as written, then minified (scripts/minify.mjs). The
// stylesheet has no strings or escapes that hold braces or commas.
//
//   node scripts/widget-style.mjs <pkg-embed dir> <embed.html> <embed-first-paint.js> <style.css> > widget.css
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyStyle } from './minify.mjs';
import { namedBy, widgetText } from './named-by.mjs';

/** The blocks of `css` (no comments) at one level: `{prelude, body}`, `body` the text between its braces. */
function blocks(css) {
  const found = [];
  let depth = 0;
  let start = 0;
  let open = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{' && depth++ === 0) open = i;
    if (css[i] === '}' && --depth === 0) {
      found.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
      start = i + 1;
    }
    if (depth < 0) throw new Error(`unbalanced } at ${i}`);
  }
  if (depth !== 0 || css.slice(start).trim()) throw new Error('unbalanced { or text after the last rule');
  return found;
}

/** The comma-separated parts of a selector list, commas inside parentheses kept. */
function selectors(list) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    if (list[i] === ')') depth--;
    if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  return [...parts, list.slice(start).trim()];
}

/** The classes and ids a selector needs (`:not()`'s and attribute values left out), without their `.` or `#`. */
const needs = (selector) => [...selector.replace(/:not\([^)]*\)|\[[^\]]*\]/g, '').matchAll(/[.#](-?[_a-zA-Z][\w-]*)/g)]
  .map((match) => match[1]);

/** `css` (no comments) with only the rules some selector of which can match where only `named` names are. */
export function kept(css, named) {
  return blocks(css).map(({ prelude, body }) => {
    if (/^@(media|supports|container)\b/.test(prelude)) {
      const inner = kept(body, named);
      return inner ? `${prelude} {${inner}}` : '';
    }
    if (prelude.startsWith('@')) return `${prelude} {${body}}`;
    const left = selectors(prelude).filter((selector) => needs(selector).every(named));
    return left.length ? `${left.join(', ')} {${body}}` : '';
  }).filter(Boolean).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, page, firstPaint, style] = process.argv.slice(2);
  if (!dir || !page || !firstPaint || !style) {
    console.error('usage: node scripts/widget-style.mjs <pkg-embed dir> <embed.html> <embed-first-paint.js> <style.css>');
    process.exit(2);
  }
  const named = namedBy(widgetText(dir, [page, firstPaint]));
  process.stdout.write(minifyStyle(kept(readFileSync(style, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''), named)));
}
