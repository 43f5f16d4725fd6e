// Runs before the first paint (a classic script in <head>, so it blocks
// rendering for the moment it takes). It marks the page as run with
// JavaScript (`.js`: without it, the page is the prerendered base case as a
// report). With a scenario in the link, the answer prerendered in the page
// is the base case's, not the link's: `.link-pending` hides it and shows
// "Loading the scenario in your link…" until main.js has drawn the link's
// answer and removes the class. A page that will be in Chinese (the rule of
// `LANG` in i18n.js: the link's `lang=` key, else the browser's first zh or
// en language) is hidden (`.lang-pending`) until main.js has put its words
// in Chinese, and its prerendered English answer until the Chinese one is drawn.
// It also preloads the message table of that language.
const root = document.documentElement;
root.classList.add('js');
const tag = /^(en|zh)(?:[-_][a-z0-9]+)*$/i;
const keys = location.hash.replace(/^#/, '').split('&').map((pair) => pair.split('='));
const chosen = keys.filter(([key, value]) => key === 'lang' && tag.test(value)).map(([, value]) => value).pop();
const preferred = (navigator.languages || [navigator.language]).find((language) => tag.test(language || ''));
const lang = tag.exec(chosen || preferred || 'en')[1].toLowerCase();
if (lang === 'zh') root.classList.add('lang-pending', 'link-pending');
else if (location.hash.length > 1) root.classList.add('link-pending');
// The page's message table, which i18n.js imports when main.js's modules
// have loaded: asked for now, beside them (the head's other preloads).
const table = document.createElement('link');
table.rel = 'modulepreload';
table.href = `messages/${lang}.js`;
document.head.append(table);
