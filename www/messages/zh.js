// 简体中文: the same ids as messages/en.js, in the words Chinese financial
// writing uses (云智能集团, 经调整EBITA, 资本开支, 净现值, 内部收益率, 回本期,
// 毛利率…); the company's own names for its products stay (阿里云, 百炼, 平头哥).
// A missing id falls back to English, and the page test for English words
// left on the Chinese page finds it.

export default {
  // ---- i18n.js: years ----
  fy: '{year}财年',
  'fy.span': '{first}-{last}财年',

  // ---- index.html, main.js: the page's own words ----


  // ---- render.js, outputs.js, summary-bar.js, compare.js: answer, tables, CSV ----


  // ---- charts.js, analysis-charts.js, likely.js, analysis-options.js: charts and How likely? ----


  // ---- form.js, fields.js, decimal.js: the form, its fields, problems, presets ----


  // ---- embed.js, embed-panel.js, embed.html, explain-panel.js, restart-notice.js: widget and explain ----


};
