// English: every word the page, the widget and their exports show, by id.
// Placeholders are {name}; see www/i18n.js. Ids are grouped by the module
// that uses them.

export default {
  // ---- i18n.js: years ----
  fy: 'FY{year}',
  'fy.span': 'FY{first}-FY{last}',

  // ---- index.html, main.js: the page's own words ----


  // ---- render.js, outputs.js, summary-bar.js, compare.js: answer, tables, CSV ----


  // ---- charts.js, analysis-charts.js, likely.js, analysis-options.js: charts and How likely? ----


  // ---- form.js, fields.js, decimal.js: the form, its fields, problems, presets ----


  // ---- embed.js, embed-panel.js, embed.html, explain-panel.js, restart-notice.js: widget and explain ----


};
