// The widget before its first paint (a classic script in embed.html's
// <head>, which blocks rendering for the moment it takes): a widget that
// will be in Chinese, by the rule of `LANG` in i18n.js (the link's `lang=`
// key, else the browser's first zh or en language), is hidden
// (`.lang-pending`, style.css) until widget.js has put its words in
// Chinese, so that a Chinese reader never sees embed.html's English. (The
// page's www/first-paint.js does the same with more: the widget has no
// prerendered answer to hide.) It also preloads the message table of that
// language.
{
  const tag = /^(en|zh)(?:[-_][a-z0-9]+)*$/i;
  const keys = location.hash.replace(/^#/, '').split('&').map((pair) => pair.split('='));
  const chosen = keys.filter(([key, value]) => key === 'lang' && tag.test(value)).map(([, value]) => value).pop();
  const preferred = (navigator.languages || [navigator.language]).find((language) => tag.test(language || ''));
  const lang = tag.exec(chosen || preferred || 'en')[1].toLowerCase();
  if (lang === 'zh') document.documentElement.classList.add('lang-pending');
  // The widget's message table, its own script, which widget.js adds once it
  // runs: asked for now, beside core.js and widget.js.
  const table = document.createElement('link');
  table.rel = 'preload';
  table.as = 'script';
  table.href = `../pkg-embed/messages-${lang}.js`;
  document.head.append(table);
}
