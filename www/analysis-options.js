// The analysis options as the reader types them: how many futures to
// simulate and from which seed (`simulate`'s options, which a link carries
// as `samples=` and `seed=`), and how sure the certainty goal seek should
// make the target (`sure=`, one of LEVELS percent).

import { readNumber } from './decimal.js';
import { readProblemWords } from './form.js';
import { numberFormat, t } from './i18n.js';
import { ANALYSIS_DEFAULTS } from './view.js';

/** The certainty levels offered, in percent. */
const LEVELS = ['50', '80', '90', '95'];

/** What each typed option may be: a whole number in [min, max]. */
const OPTION_LIMITS = {
  samples: { min: 1000, max: 1_000_000 },
  seed: { min: 0, max: 4_294_967_295 },
};

/** The bounds of option `name` in words: `{min: '1,000', max: '1,000,000'}`. */
function optionRange(name) {
  const { min, max } = OPTION_LIMITS[name];
  const whole = numberFormat();
  return { min: whole.format(min), max: whole.format(max) };
}

/**
 * Reads `samples` or `seed` as typed ("100,000" reads; "1e5", "10.5", "7,5"
 * and blanks do not): `{value, text}` (the number and its link text) or
 * `{problem}` in the reader's words.
 */
export function readOption(name, typed) {
  const { min, max } = OPTION_LIMITS[name];
  const { text, problem } = readNumber(typed);
  if (problem) return { problem: readProblemWords(problem, t('analysisOptions.unit')) };
  if (text === '') return { problem: t('analysisOptions.empty', optionRange(name)) };
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) return { problem: t('analysisOptions.range', optionRange(name)) };
  return { value, text: String(value) };
}

/**
 * The certainty level a link asks for (`sure=90`), as a percent of LEVELS:
 * `{level}`, or the default with a `problem` for the link notice.
 */
export function levelOfLink(text) {
  if (text === undefined || LEVELS.includes(text)) return { level: text ?? ANALYSIS_DEFAULTS.sure };
  return {
    level: ANALYSIS_DEFAULTS.sure,
    problem: t('analysisOptions.level', { text, levels: LEVELS.join(t('analysisOptions.levels.separator')), level: ANALYSIS_DEFAULTS.sure }),
  };
}
