// The first-paint scripts (www/first-paint.js and www/embed-first-paint.js)
// are classic scripts in <head> that decide before any module has loaded,
// so they repeat two rules of the modules: the language (`LANG` in
// www/i18n.js) and, in the widget, which core it loads (`show=` read by
// `splitEmbedFragment` in www/share.js, as www/embed.js chooses). A wrong
// guess would not break anything (the modules decide), but would preload a
// file the page does not use and leave the one it does to a late request.
// Run in Node on fake `location`, `navigator` and `document`, over many
// fragments and browser languages, each script must preload what the
// modules' rules choose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { languageOfFragment, preferredLanguage } from '../../www/i18n.js';
import { splitEmbedFragment } from '../../www/share.js';

/**
 * What `script` (a www/ file) does for this fragment and browser: the
 * preloads' hrefs (with the module each names, `data-module`, after a
 * space) and the root's classes.
 */
function firstPaint(script, hash, languages) {
  const classes = new Set();
  const preloads = [];
  const document = {
    documentElement: { classList: { add: (...names) => names.forEach((name) => classes.add(name)) } },
    createElement: () => ({ dataset: {} }),
    head: { append: (element) => preloads.push([element.href, element.dataset.module].filter(Boolean).join(' ')) },
  };
  runInNewContext(readFileSync(new URL(`../../www/${script}`, import.meta.url), 'utf8'),
    { document, location: { hash }, navigator: { languages, language: languages[0] } });
  return { preloads, classes: [...classes].sort() };
}

const HASHES = [
  '', '#', '#v=1&p=base', '#lang=zh', '#lang=ZH-cn', '#lang=zh_Hant', '#lang=en', '#lang=fr', '#lang=',
  '#lang=zh&lang=en', '#lang=en&lang=zh', '#lang=zh&lang=xx', '#lang', '#lang=zh=1',
  '#show=revenue', '#show=probability', '#show=revenue,tornado', '#show=tornado&show=revenue',
  '#show=revenue&show=tornado', '#show=prob%61bility', '#show=%E0,tornado', '#show=%E0', '#show=',
  '#show', '#show=probability,,payback', '#show=Probability', '#show=probability%2Crevenue',
  '#v=1&p=bull&rev.ai=1,2&show=payback,probability&inputs=target&lang=zh',
];
const BROWSERS = [[], ['en-GB'], ['zh-CN', 'en'], ['fr', 'zh-TW'], ['de'], ['', 'zh']];

test('the widget preloads the message table of its language and the core it loads, with or without the analysis', () => {
  for (const hash of HASHES) {
    for (const languages of BROWSERS) {
      const lang = languageOfFragment(hash) ?? preferredLanguage(languages.filter(Boolean));
      const { show } = splitEmbedFragment(hash);
      const analysed = show.includes('probability') || show.includes('tornado');
      const [table, core] = analysed ? [`messages-${lang}-analysis.js`, 'core-analysis.js'] : [`messages-${lang}.js`, 'core.js'];
      assert.deepEqual(firstPaint('embed-first-paint.js', hash, languages), {
        preloads: [`../pkg-embed/${table} www/messages/${lang}.js`, `../pkg-embed/${core}`],
        classes: lang === 'zh' ? ['lang-pending'] : [],
      }, `${hash} ${languages}`);
    }
  }
});

test('the page preloads the message table of its language', () => {
  for (const hash of HASHES) {
    for (const languages of BROWSERS) {
      const lang = languageOfFragment(hash) ?? preferredLanguage(languages.filter(Boolean));
      const { preloads, classes } = firstPaint('first-paint.js', hash, languages);
      assert.deepEqual(preloads, [`messages/${lang}.js`], `${hash} ${languages}`);
      assert.equal(classes.includes('lang-pending'), lang === 'zh', `${hash} ${languages}`);
    }
  }
});
