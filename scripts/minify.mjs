// Minifies a script with terser, as every script the site serves is
// minified (scripts/site.mjs for the page, scripts/build.sh for the
// embed's): comments and blank space dropped, local names shortened;
// exported names, import paths and strings are kept. And a stylesheet
// (`minifyStyle`): comments and blank space dropped; and a page
// (`minifyPage`): comments dropped.
//
//   node scripts/minify.mjs <in.js> <out.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

/**
 * `code` (the text of `path`, named in errors) minified. An ES module (one
 * with an import or export statement) has its top-level names shortened
 * too; a classic script (the first-paint scripts, the embed host, the
 * service worker, the embed's bundles) keeps its globals.
 */
export async function minifyScript(code, path) {
  const module = /^(?:import|export)\b/m.test(code);
  const result = await minify(code, {
    module,
    ecma: 2022,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof result.code !== 'string') throw new Error(`${path}: terser gave no code`);
  return result.code;
}

/**
 * A stylesheet without comments and blank space: only the blank space that
 * cannot matter goes (around braces, semicolons and commas, and after a
 * colon, which begins a value or a pseudo-class that follows no blank).
 * The stylesheet has no strings that contain these characters.
 */
export function minifyStyle(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * A page without its comments (`<!-- … -->`, with the blank space after
 * each), which are notes for whoever edits the page. Its text and other
 * blank space stay. The pages have no comment-like text in a script, a
 * style, a `<pre>` or a `<textarea>`.
 */
export function minifyPage(html) {
  return html.replace(/<!--[\s\S]*?-->\s*/g, '');
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error('usage: node scripts/minify.mjs <in.js> <out.js>');
    process.exit(2);
  }
  writeFileSync(to, await minifyScript(readFileSync(from, 'utf8'), from));
}
