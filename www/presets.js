// The presets in the page's language. The core's `presets()` names each
// preset and gives its rationale and a source note per field in English;
// another language takes them from its message table, by preset id and
// field path (`form.preset.bull.label`, `form.note.bull.revenue.aiGrowth`;
// a preset without a note of its own for a field has the base preset's, as
// in the core).

import { has, LANG, t } from './i18n.js';

/** The page's table's words for `id`, else `text` (the core's English). */
const own = (id, text) => (has(id) ? t(id) : text);

/** Whether a preset's words are wanted in English (the core's own), else in the page's language, the only other one it has. */
function english(lang) {
  if (lang !== 'en' && lang !== LANG) throw new Error(`no ${lang} words on this page, whose language is ${LANG}`);
  return lang === 'en';
}

/**
 * A preset of the core's `presets()` with its `label` and `notes` (by field
 * path) in `lang`: English, or the page's language (the only table it has);
 * the rest as the core gives it, its `rationale` too, which
 * `rationaleInLanguage` words (so that the widget, which never shows it,
 * carries none of its words). English is the core's own text; a word
 * another language lacks stays the core's.
 */
export function presetInLanguage(preset, lang = LANG) {
  if (english(lang)) return preset;
  const note = (path, text) => {
    const id = `form.note.${preset.id}.${path}`;
    return has(id) ? t(id) : own(`form.note.base.${path}`, text);
  };
  return {
    ...preset,
    label: own(`form.preset.${preset.id}.label`, preset.label),
    notes: Object.fromEntries(Object.entries(preset.notes).map(([path, text]) => [path, note(path, text)])),
  };
}

/** The rationale of a preset of the core's `presets()` (or of `presetInLanguage`) in `lang`, as `presetInLanguage` words the rest. */
export function rationaleInLanguage(preset, lang = LANG) {
  return english(lang) ? preset.rationale : own(`form.preset.${preset.id}.rationale`, preset.rationale);
}
