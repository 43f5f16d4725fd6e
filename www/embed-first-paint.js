// The widget before its first paint (a classic script in embed.html's
// <head>, which blocks rendering for the moment it takes): a widget that
// will be in Chinese, by the rule of `LANG` in i18n.js (the link's `lang=`
// key, else the browser's first zh or en language), is hidden
// (`.lang-pending`, style.css) until widget.js has put its words in
// Chinese, so that a Chinese reader never sees embed.html's English. (The
// page's www/first-paint.js does the same with more: the widget has no
// prerendered answer to hide.) It also preloads the two scripts widget.js
// adds once it runs, so that they download beside it: the message table of
// that language, and the core www/embed.js chooses (core-analysis.js when
// `show=` has the probability or the tornado, else core.js). The table has
// two scripts (scripts/widget-messages.mjs): with the words of the
// probability and the tornado (messages-<lang>-analysis.js), or without
// them; the preload names the module it gives (`data-module`), and widget.js
// loads the module from the script its preload names (scripts/bundle.mjs).
{
  const tag = /^(en|zh)(?:[-_][a-z0-9]+)*$/i;
  const keys = location.hash.replace(/^#/, '').split('&').map((pair) => pair.split('='));
  const chosen = keys.filter(([key, value]) => key === 'lang' && tag.test(value)).map(([, value]) => value).pop();
  const preferred = (navigator.languages || [navigator.language]).find((language) => tag.test(language || ''));
  const lang = tag.exec(chosen || preferred || 'en')[1].toLowerCase();
  if (lang === 'zh') document.documentElement.classList.add('lang-pending');
  // `show=`, the last one, as splitEmbedFragment in www/share.js reads it.
  let charts = keys.filter(([key]) => key === 'show').map(([, value = '']) => value).pop() ?? '';
  try {
    charts = decodeURIComponent(charts);
  } catch {
    // A broken escape: read as it is, as splitEmbedFragment does.
  }
  const analysed = charts.split(',').some((chart) => chart === 'probability' || chart === 'tornado');
  const scripts = [
    [`messages-${lang}${analysed ? '-analysis' : ''}.js`, `www/messages/${lang}.js`],
    [analysed ? 'core-analysis.js' : 'core.js'],
  ];
  for (const [script, module] of scripts) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'script';
    link.href = `../pkg-embed/${script}`;
    if (module) link.dataset.module = module;
    document.head.append(link);
  }
}
