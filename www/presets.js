// The presets in the page's language. The core's `presets()` names each
// preset and gives its rationale and a source note per field in English;
// another language takes them from its message table, by preset id and
// field path (`form.preset.bull.label`, `form.note.bull.revenue.aiGrowth`;
// a preset without a note of its own for a field has the base preset's, as
// in the core).

import { has, LANG, t } from './i18n.js';

/**
 * A preset of the core's `presets()` with its `label`, `rationale` and
 * `notes` (by field path) in `lang`: English, or the page's language (the
 * only table it has); the rest as the core gives it. English is the core's
 * own text; a word another language lacks stays the core's.
 */
export function presetInLanguage(preset, lang = LANG) {
  if (lang === 'en') return preset;
  if (lang !== LANG) throw new Error(`no ${lang} words on this page, whose language is ${LANG}`);
  const own = (id, english) => (has(id) ? t(id) : english);
  const note = (path, english) => {
    const id = `form.note.${preset.id}.${path}`;
    return has(id) ? t(id) : own(`form.note.base.${path}`, english);
  };
  return {
    ...preset,
    label: own(`form.preset.${preset.id}.label`, preset.label),
    rationale: own(`form.preset.${preset.id}.rationale`, preset.rationale),
    notes: Object.fromEntries(Object.entries(preset.notes).map(([path, english]) => [path, note(path, english)])),
  };
}
