// The scenario form: built from the core's field descriptions, read into a
// Scenario, filled from one, and marked with the problems `validate` finds,
// all in the page's language. Ratios are shown as percentages, and amounts
// in billions in the language's money unit (亿元 in Chinese), converted
// exactly by moving the decimal point of their text.

import { isDecimal, readNumber, shiftPoint } from './decimal.js';
import { el } from './dom.js';
import { FIELD_TEXT, GROUPS } from './fields.js';
import { fy, LANG, numberFormat, t } from './i18n.js';

const MAX_YEARS = 10;
/** The longest text the core reads as a number (`MAX_TEXT_CHARS` in src/raw.rs). */
const MAX_TEXT_CHARS = 1000;
const number = numberFormat({ maximumFractionDigits: 6 });
const integer = numberFormat({ useGrouping: false });

/**
 * A field or output path split into its name and year index:
 * `revenue.aiGrowth[2]` -> `['revenue.aiGrowth', 2]`, `fxRmbPerUsd` -> `['fxRmbPerUsd', undefined]`.
 */
export function splitIndex(path) {
  const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(path) ?? [null, path, undefined];
  return [name, index === undefined ? undefined : Number(index)];
}

/** `revenue.aiGrowth` -> `revenue-aiGrowth`, for element ids. */
const idOf = (path) => `f-${path.replace(/\./g, '-')}`;

/**
 * The allowed range of a field (`info`, from the core's `fields()`) in the
 * units the form shows it in: "From -99 to 1,000 % a year", "-99至1,000（%/年）",
 * "大于0，不超过10,000,000（亿美元）".
 */
function rangeText(info) {
  const text = FIELD_TEXT[info.path];
  const shown = (bound) => number.format(Number(shiftPoint(bound, text.shift)));
  if (info.kind === 'integer') return t('form.range.integer', { min: integer.format(info.min), max: integer.format(info.max) });
  const open = info.minOpen ? (info.maxOpen ? 'open' : 'minOpen') : info.maxOpen ? 'maxOpen' : 'closed';
  return t(`form.range.${open}`, { min: shown(info.min), max: shown(info.max), unit: text.unit });
}

/** The value at a JSON path (`revenue.aiGrowth`) of a scenario-like object. */
export function valueAt(object, path) {
  return path.split('.').reduce((at, key) => at?.[key], object);
}

/**
 * A copy of `scenario` with the value at each of `fields` (problem paths such
 * as `revenue.aiGrowth[2]`, `fxRmbPerUsd` or a section, `capex`) taken from
 * `source`; a year's entry by the padding rule (the last entry holds).
 * Paths that are not in the scenario (`link`, `v`) are skipped.
 */
export function withValuesFrom(scenario, source, fields) {
  const copy = structuredClone(scenario);
  for (const field of fields) {
    const [, path, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(field) ?? [];
    const from = path === undefined ? undefined : valueAt(source, path);
    if (from === undefined) continue;
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce((at, key) => {
      if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
      return at[key];
    }, copy);
    const key = keys.at(-1);
    if (index === undefined || !Array.isArray(parent[key]) || !Array.isArray(from)) {
      parent[key] = structuredClone(from);
    } else {
      parent[key][Number(index)] = from[Math.min(Number(index), from.length - 1)];
    }
  }
  return copy;
}

/**
 * A field's value (model text: a fraction, RMB bn) as its input shows it:
 * the decimal point moved `FIELD_TEXT[path].shift` places right ('0.125'
 * -> '12.5' in a percent field, '158.132' -> '1581.32' in 亿元). Text that
 * is not a decimal is shown as it is.
 */
export function shownValue(path, value) {
  return shiftPoint(String(value), FIELD_TEXT[path].shift);
}

/**
 * What a field's input holds, as model text, exactly: read by `readNumber`
 * (thousands separators; a % in a percent field), then the decimal point
 * moved back ('1,581.32' in 亿元 -> '158.132' RMB bn, '12.5' in a percent
 * field -> '0.125'). Text that does not read is returned trimmed, for the
 * core to refuse.
 */
export function modelValue(path, typed) {
  const { text } = readNumber(typed, { percent: FIELD_TEXT[path].percent });
  return shiftPoint(text, -FIELD_TEXT[path].shift);
}

/** A problem `readNumber` found (`comma`, `space`, `percent`) in the reader's words, or null; `unit` names the field's unit. */
export function readProblemWords(problem, unit) {
  return problem ? t(`form.problem.${problem}`, { unit }) : null;
}

/** Why typed text is not a number, in the reader's words, or null. */
function typedProblem(path, typed) {
  const { problem } = readNumber(typed, { percent: FIELD_TEXT[path].percent });
  return readProblemWords(problem, FIELD_TEXT[path].unit);
}

/** Why the core refused a number's model text (`badNumber`): too long, too many digits, or no decimal at all. */
function badNumberWords(text) {
  if (text.length > MAX_TEXT_CHARS) return t('form.problem.long');
  return t(isDecimal(text) ? 'form.problem.digits' : 'form.problem.notNumber');
}

/**
 * A problem of the core (`{field, kind, message}`, as `validate` lists
 * them) in the reader's words, a sentence for beside its field: worded from
 * its kind, the field's domain (`info`, its entry of `fields()`) and
 * `typed`, the text the field holds as the form shows it. A problem of no
 * field (a section, an output that overflows: `info` undefined) is worded
 * from its kind alone.
 */
export function problemText({ kind }, info, typed = '') {
  if (!info) return t(`form.problem.${kind === 'badNumber' ? 'notNumber' : kind}`);
  if (kind === 'outOfRange') return t('form.problem.outOfRange', { range: rangeText(info) });
  if (kind !== 'badNumber' && kind !== 'wrongType' && kind !== 'missing') return t(`form.problem.${kind}`, { max: MAX_YEARS });
  if (typed === '' || kind === 'missing') return t('form.problem.missing');
  return typedProblem(info.path, typed) ?? badNumberWords(modelValue(info.path, typed));
}

/**
 * Where a problem is, in the reader's words: a field's label, with the
 * fiscal year of a year's entry ("AI revenue growth, FY2029", "AI收入增长率，
 * 2029财年"; `baseYear` is the scenario's base fiscal year); in other
 * languages than English a section by its group's title; else the path.
 */
export function problemLabel(field, baseYear) {
  const [path, index] = splitIndex(field);
  const text = FIELD_TEXT[path];
  if (text) return index === undefined ? text.label : t('form.year', { label: text.label, year: fy(baseYear + index + 1) });
  if (LANG === 'en') return field;
  if (field === 'scenario') return t('form.scenario');
  return GROUPS.find((group) => group.id === field)?.title ?? field;
}

/**
 * Results for a scenario with bad fields (`problems` as `evaluate` gives
 * them), computed with `source`'s value (a preset's) in place of each, so
 * that a bad link or file still shows an answer, labelled as such
 * (`substitutionNote` in render.js): `{scenario, projection}`, or null when
 * even that does not compute.
 */
export function withSubstitutes(scenario, source, problems, compute) {
  try {
    const fixed = withValuesFrom(scenario, source, problems.map((problem) => problem.field));
    return { scenario: fixed, projection: compute(fixed) };
  } catch {
    return null;
  }
}

/** The form for one scenario. */
export class ScenarioForm {
  /**
   * @param {HTMLFormElement} form where the fieldsets go (after what it holds)
   * @param {Array} infos the core's `fields()`
   * @param {{only?: string[], title?: string}} options inputs for these paths only, in
   *   one fieldset (the embed); the other fields keep the values last filled in
   */
  constructor(form, infos, { only, title = t('form.assumptions') } = {}) {
    this.form = form;
    const groups = only ? [{ id: 'chosen', title, fields: only.filter((path) => FIELD_TEXT[path]) }] : GROUPS;
    const shown = new Set(groups.flatMap((group) => group.fields));
    this.infos = new Map(infos.filter((info) => shown.has(info.path)).map((info) => [info.path, info]));
    /** Every field's description, for wording problems of fields without an input. */
    this.domains = new Map(infos.map((info) => [info.path, info]));
    /** The scenario last filled in, for fields without an input. */
    this.base = {};
    /** Year arrays: ten values each as shown (so a shorter horizon keeps what was typed). */
    this.years = new Map();
    /** Per year array, how many entries the scenario last filled in had. */
    this.lengths = new Map();
    /** Per year array, the index of the cell edited last (the source of "Fill"). */
    this.lastEdited = new Map();
    this.horizon = 5;
    this.baseYear = 2026;
    for (const group of groups) this.form.append(this.#fieldset(group));
    this.form.addEventListener('input', (event) => this.#onInput(event));
  }

  #fieldset(group) {
    return el('fieldset', { class: `group group-${group.id}` },
      el('legend', {}, group.title),
      group.intro ? el('p', { class: 'group-intro' }, group.intro) : null,
      group.fields.map((path) => this.#field(this.infos.get(path))));
  }

  #field(info) {
    const { path } = info;
    const text = FIELD_TEXT[path];
    const id = idOf(path);
    const described = `${id}-range ${id}-note`;
    const label = [text.label, t('form.unit.separator'), el('span', { class: 'unit' }, t('form.unit.shown', { unit: text.unit }))];
    const details = [
      el('p', { class: 'range', id: `${id}-range` }, rangeText(info)),
      el('p', { class: 'note', id: `${id}-note` }),
      el('p', { class: 'error', id: `${id}-error`, hidden: true }),
    ];
    if (info.kind !== 'years') {
      const input = el('input', {
        id, name: path, type: 'text', inputmode: info.kind === 'integer' ? 'numeric' : 'decimal',
        autocomplete: 'off', spellcheck: 'false', 'aria-describedby': described,
      });
      return el('div', { class: 'field', 'data-path': path }, el('label', { for: id }, label), input, details);
    }
    this.years.set(path, Array(MAX_YEARS).fill(''));
    const fill = el('button', { type: 'button', class: 'fill', 'data-fill': path }, t('form.fill'));
    fill.addEventListener('click', () => this.#fill(path));
    return el('div', { class: 'field years', 'data-path': path, role: 'group', 'aria-labelledby': `${id}-label` },
      el('span', { class: 'label', id: `${id}-label` }, label),
      el('div', { class: 'cells', 'data-cells': path }),
      fill,
      details);
  }

  /** Rebuilds the year cells of every year array for the horizon and base year. */
  #layoutYears() {
    for (const [path, values] of this.years) {
      const id = idOf(path);
      const cells = this.form.querySelector(`[data-cells="${path}"]`);
      const inputs = Array.from({ length: this.horizon }, (_, index) => {
        const input = el('input', {
          id: `${id}-${index}`, name: `${path}[${index}]`, type: 'text', inputmode: 'decimal',
          autocomplete: 'off', spellcheck: 'false', 'data-index': index, 'data-years': path,
          'aria-describedby': `${id}-range ${id}-note`,
        });
        input.value = values[index];
        return el('label', { class: 'cell' }, el('span', { class: 'year' }, fy(this.baseYear + index + 1)), input);
      });
      cells.replaceChildren(...inputs);
      this.#labelFill(path);
    }
  }

  /**
   * The Fill button copies the last-edited year to every later year of its
   * row. Its name starts with its visible text ("Fill later years of AI
   * revenue growth with FY2027's value"), so speech input finds it.
   */
  #labelFill(path) {
    const from = Math.min(this.lastEdited.get(path) ?? 0, this.horizon - 1);
    const button = this.form.querySelector(`[data-fill="${path}"]`);
    button.setAttribute('aria-label', t('form.fill.label', { label: FIELD_TEXT[path].label, year: fy(this.baseYear + from + 1) }));
    button.disabled = from >= this.horizon - 1;
  }

  #fill(path) {
    const values = this.years.get(path);
    const from = Math.min(this.lastEdited.get(path) ?? 0, this.horizon - 1);
    values.fill(values[from], from + 1);
    this.#layoutYears();
    this.form.dispatchEvent(new Event('input', { bubbles: true }));
  }

  #onInput(event) {
    const input = event.target;
    if (input.dataset?.years) {
      const index = Number(input.dataset.index);
      this.years.get(input.dataset.years)[index] = input.value;
      this.lastEdited.set(input.dataset.years, index);
      this.#labelFill(input.dataset.years);
    } else if (input.name === 'horizonYears' || input.name === 'baseFiscalYear') {
      this.#adoptLayout();
    }
  }

  /** Takes a valid horizon or base year (from its input, or the scenario) and lays the year cells out again. */
  #adoptLayout() {
    const current = (path) => Number(readNumber(this.#input(path)?.value ?? this.base[path]).text);
    const horizon = current('horizonYears');
    const baseYear = current('baseFiscalYear');
    const next = {
      horizon: Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_YEARS ? horizon : this.horizon,
      baseYear: Number.isInteger(baseYear) && baseYear >= 1990 && baseYear <= 2100 ? baseYear : this.baseYear,
    };
    if (next.horizon !== this.horizon || next.baseYear !== this.baseYear) {
      Object.assign(this, next);
      const focused = document.activeElement;
      this.#layoutYears();
      focused?.focus();
    }
  }

  #input(path) {
    return this.form.elements.namedItem(path);
  }

  /**
   * Shows a scenario and the source notes of its preset. Values may be
   * anything a link carried (bad text included), so that `validate` can
   * mark them.
   */
  fill(scenario, notes) {
    this.base = structuredClone(scenario);
    for (const info of this.infos.values()) {
      const value = valueAt(scenario, info.path) ?? '';
      if (info.kind === 'years') {
        const entries = Array.isArray(value) && value.length ? value.map(String) : [String(value)];
        const shown = entries.map((v) => shownValue(info.path, v));
        this.lengths.set(info.path, Math.min(shown.length, MAX_YEARS));
        // Later years show the padding rule's value; a bad last entry is not repeated.
        const pad = isDecimal(entries.at(-1)) ? shown.at(-1) : '';
        this.years.set(info.path, Array.from({ length: MAX_YEARS }, (_, i) => (i < shown.length ? shown[i] : pad)));
      } else {
        this.#input(info.path).value = shownValue(info.path, value);
      }
      this.form.querySelector(`#${idOf(info.path)}-note`).textContent = notes[info.path] ?? '';
    }
    this.lastEdited.clear();
    this.#adoptLayout();
    this.#layoutYears();
  }

  /** The Scenario the form describes: decimal strings, integers as numbers when they are integers. */
  read() {
    const scenario = structuredClone(this.base);
    for (const info of this.infos.values()) {
      let value;
      if (info.kind === 'years') {
        // The years shown, and any the filled array had beyond them; then a
        // tail that is empty or only repeats (as the padding rule would) is
        // dropped, never below the filled length, so an untouched array reads
        // back as given.
        const filled = this.lengths.get(info.path) ?? 1;
        value = this.years.get(info.path).slice(0, Math.max(this.horizon, filled))
          .map((typed) => modelValue(info.path, typed));
        while (value.length > filled && (value.at(-1) === '' || value.at(-1) === value.at(-2))) value.pop();
      } else {
        value = modelValue(info.path, this.#input(info.path).value);
        if (info.kind === 'integer' && /^\d{1,9}$/.test(value)) value = Number(value);
      }
      const keys = info.path.split('.');
      const section = keys.length === 2 ? (scenario[keys[0]] ??= {}) : scenario;
      section[keys.at(-1)] = value;
    }
    return scenario;
  }

  /**
   * Reads the scenario and computes it with the core (`{compute, validate}`):
   * `{scenario, projection}` with every mark cleared, or `{scenario, problems}`
   * with the problem fields marked (see `showProblems`).
   */
  evaluate({ compute, validate }) {
    const scenario = this.read();
    try {
      const projection = compute(scenario);
      this.showProblems([]);
      return { scenario, projection };
    } catch (error) {
      const found = validate(scenario);
      const thrown = { field: error.field, kind: error.kind, message: error.message };
      return { scenario, problems: this.showProblems(found.length ? found : [thrown]) };
    }
  }

  /**
   * Marks the fields of `problems` (`[{field, kind, message}]` from the core):
   * `aria-invalid`, and a message linked by `aria-describedby`. Returns the
   * problems in the reader's words, `[{field, label, message, input}]`, in
   * the form's order.
   */
  showProblems(problems) {
    for (const input of this.form.querySelectorAll('[aria-invalid]')) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', input.getAttribute('aria-describedby').replace(/ \S+-error$/, ''));
    }
    for (const error of this.form.querySelectorAll('.error')) {
      error.hidden = true;
      error.textContent = '';
    }
    // In the form's order (the core lists them in the model's), those without an input last.
    const marked = problems.map((problem) => this.#mark(problem));
    const position = (a, b) => {
      if (!a.input || !b.input) return Number(!a.input) - Number(!b.input);
      return a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    };
    return marked.sort((a, b) => (a.input === b.input ? 0 : position(a, b)));
  }

  /**
   * The input of a field path (`fxRmbPerUsd`, `revenue.aiGrowth[2]`; a year
   * array without an index: its first year), or null when the form has none.
   */
  input(field) {
    const [path, index] = splitIndex(field);
    if (!this.infos.has(path)) return null;
    const id = idOf(path);
    return this.form.querySelector(index === undefined ? `#${id}, #${id}-0` : `#${id}-${index}`);
  }

  /**
   * The text a field path holds as the form shows it: its input's, a year's
   * beyond the horizon, or for a field without an input the scenario's value.
   */
  #shownText(field) {
    const input = this.input(field);
    if (input) return input.value.trim();
    const [path, index] = splitIndex(field);
    const years = this.years.get(path);
    if (years && index !== undefined) return (years[index] ?? '').trim();
    const value = valueAt(this.base, path);
    const entry = Array.isArray(value) && index !== undefined ? value[index] : value;
    if (entry === undefined || entry === null) return '';
    return FIELD_TEXT[path] ? shownValue(path, entry) : String(entry);
  }

  #mark(problem) {
    const { field } = problem;
    const [path, index] = splitIndex(field);
    const label = problemLabel(field, this.baseYear);
    const words = problemText(problem, this.domains.get(path), this.#shownText(field));
    if (!this.infos.has(path)) {
      // No input here (a section, an output that overflows, a field the
      // embed leaves out): in English the core's message, as the embed words it.
      return LANG === 'en' ? { field, label: field, message: problem.message, input: null } : { field, label, message: words, input: null };
    }
    const id = idOf(path);
    const input = this.input(field);
    const labelled = t('form.problem.labelled', { label, words });
    const error = this.form.querySelector(`#${id}-error`);
    error.hidden = false;
    error.textContent = error.textContent
      ? `${error.textContent}${t('form.problem.separator')}${labelled}` : index === undefined ? words : labelled;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby')} ${id}-error`);
    }
    return { field, label, message: words, input };
  }
}
