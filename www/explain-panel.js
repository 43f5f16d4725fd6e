// "How is this number computed?": a panel that explains one output of the
// model with the core's `explain` (MODEL.md, audit trail): the formula in
// symbols and in words, each term with its exact value and unit, output
// terms explainable one step further (Back returns), input terms a link to
// their field. Any element with `data-explain` (a table cell's button, a key
// figure, a chart point) opens it on click, Enter or Space; Esc or Close
// returns the focus to where it was. Used by the page and the widget.
//
// In Chinese the names, units and words are Chinese, money is in 亿元 and
// 亿美元 (its decimal point moved, exactly), and a formula that is a
// condition, a search or a root (the core's `why`) is worded from its kind
// around its symbolic pieces, as the core's formula text words it in English.
import { shiftPoint } from './decimal.js';
import { el } from './dom.js';
import { FIELD_TEXT } from './fields.js';
import { splitIndex } from './form.js';
import {
  billions, fy, has, numberFormat, t,
} from './i18n.js';
import { OUTPUT_TEXT } from './outputs.js';
import { exactBillions } from './render.js';

const unindexed = (path) => splitIndex(path)[0];

/** The words for a path: its label, with the fiscal year of a year index ("AI revenue, FY2027", "2027财年AI收入"). */
function named(path, years) {
  const [name, index] = splitIndex(path);
  const label = (OUTPUT_TEXT[name] ?? FIELD_TEXT[name])?.label ?? path;
  return index === undefined || years[index] === undefined ? label : t('explain.atYear', { label, year: fy(years[index]) });
}

/**
 * The currency of a field's unit of billions ('RMB' for "RMB bn" or "RMB
 * bn a year", as fields.js names the model's units, or for how `billions`
 * words them in the page's language), or null. (An output says its own:
 * `OUTPUT_TEXT[name].money`.)
 */
function currencyOfUnit(unit) {
  const names = (currency) => [billions(currency, 'en').unit, billions(currency).unit];
  return ['RMB', 'USD'].find((currency) => names(currency).some((name) => unit.startsWith(name))) ?? null;
}

/** Decimal text with its whole part grouped as the page's language groups it ("21612.5" -> "21,612.5"). */
function grouped(text) {
  const [, sign, whole, fraction] = /^(-?)(\d+)(\.\d+)?$/.exec(text) ?? [];
  return whole === undefined ? text : `${sign}${numberFormat().format(BigInt(whole))}${fraction ?? ''}`;
}

/**
 * A value as the model has it, exactly, with its unit (and as a percentage
 * when it is a fraction): money in the model's billions ("94.8792 RMB bn"),
 * or where the page's language counts money in 亿, in 亿元 / 亿美元 with the
 * point moved (exactBillions: "948.792亿元"); a fiscal year (a number) in
 * Chinese as 2029财年.
 */
function valueText(path, value) {
  if (value === null || value === undefined) return t('explain.none');
  const text = String(value);
  if (text === 'below' || text === 'above') return t(`explain.${text}`);
  const output = OUTPUT_TEXT[unindexed(path)];
  const field = FIELD_TEXT[unindexed(path)];
  const fraction = output?.share || field?.percent;
  if (fraction) return /^-?\d/.test(text) ? t('explain.fraction', { value: text, percent: shiftPoint(text, 2) }) : text;
  const unit = output?.unit ?? field?.unit ?? '';
  if (typeof value === 'number') return t('explain.year', { value, unit, year: fy(value) });
  const currency = output ? output.money : currencyOfUnit(unit);
  if (currency && billions(currency).shift) return `${grouped(exactBillions(text, currency))}${billions(currency).suffix}`;
  return unit ? t('explain.withUnit', { value: text, unit }) : text;
}

/**
 * A formula in the page's language: the core's text, or where it is a
 * condition, a search or a root and the language words those (an
 * `explain.why.<kind>` message), that wording with the pieces of `why` in it.
 */
function formulaText({ formula, why }) {
  const id = why && `explain.why.${why.kind}`;
  return why && has(id) ? t(id, why) : formula;
}

export class ExplainPanel {
  #panel;
  #body;
  #explain;
  #context;
  #opener = null;
  #trail = [];

  /**
   * @param {Document} document the page or the widget's document
   * @param {{explain: Function, context: Function}} options
   *   explain: the package's `explain(scenario, path)`; context(): `{scenario,
   *   years, usd, input}` of the results on screen (usd: money is shown in
   *   US$; input(path): the form's input of a field, or null), or null when
   *   there are none
   */
  constructor(document, { explain, context }) {
    this.#explain = explain;
    this.#context = context;
    this.#body = el('div', { class: 'explain-body' });
    const close = el('button', { type: 'button', class: 'explain-close' }, t('explain.close'));
    this.#panel = el('section', {
      class: 'explain-panel', role: 'dialog', 'aria-labelledby': 'explain-title', hidden: '',
    },
    el('div', { class: 'explain-head' },
      el('h2', { id: 'explain-title', tabindex: '-1' }, t('explain.title')),
      close),
    this.#body);
    document.body.append(this.#panel);
    close.addEventListener('click', () => this.close());
    this.#panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    this.#body.addEventListener('click', (event) => this.#act(event.target.closest('button')));
    document.addEventListener('click', (event) => {
      const opener = event.target.closest?.('[data-explain]');
      if (opener && !this.#panel.contains(opener)) this.open(opener.dataset.explain, opener);
    });
    document.addEventListener('keydown', (event) => {
      const opener = event.target.closest?.('[data-explain]');
      if (!opener || opener.localName === 'button' || !['Enter', ' '].includes(event.key)) return;
      event.preventDefault(); // an SVG point with role=button: activate it as a button would be
      this.open(opener.dataset.explain, opener);
    });
  }

  /** Opens the panel on the output `path`, to return the focus to `opener` when it closes. */
  open(path, opener) {
    this.#opener = opener ?? this.#opener;
    this.#trail = [];
    this.#show(path);
  }

  /** Closes the panel and returns the focus to what opened it. */
  close() {
    if (this.#panel.hidden) return;
    this.#panel.hidden = true;
    this.#trail = [];
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  }

  /** Redraws the step shown for the results now on screen (after an edit), or closes when they are gone. */
  refresh() {
    if (!this.#panel.hidden && this.#trail.length) this.#draw(this.#trail.at(-1));
  }

  #show(path) {
    this.#trail.push(path);
    this.#draw(path);
    this.#panel.hidden = false;
    this.#panel.querySelector('#explain-title').focus();
  }

  #draw(path) {
    const context = this.#context();
    if (!context) {
      this.close();
      return;
    }
    const { scenario, years, usd, input: inputOf } = context;
    let explained;
    try {
      explained = this.#explain(scenario, path);
    } catch (error) {
      this.#body.replaceChildren(el('p', {}, t('explain.failed', { message: error.message })));
      return;
    }
    const terms = explained.terms.map((term) => {
      const input = FIELD_TEXT[unindexed(term.path)] !== undefined;
      const action = input
        ? inputOf(term.path) && el('button', { type: 'button', 'data-field': term.path }, t('explain.goToField'))
        : el('button', { type: 'button', 'data-follow': term.path },
          t('explain.follow', { name: term.name, label: named(term.path, years) }));
      return el('li', {},
        el('code', {}, term.name),
        ` ${t(input ? 'explain.input' : 'explain.computed', { label: named(term.path, years) })} = `,
        el('span', { class: 'explain-number' }, valueText(term.path, term.value)),
        action ? ' ' : '',
        action ?? '');
    });
    const note = usd ? t('explain.usdNote', { fx: scenario.fxRmbPerUsd }) : '';
    const words = explained.terms.length
      ? t('explain.from', {
        output: named(path, years),
        terms: explained.terms.map((term) => named(term.path, years)).join(t('explain.separator')),
      })
      : '';
    this.#body.replaceChildren(
      el('p', { class: 'explain-what' }, el('strong', {}, named(path, years)), ' = ',
        el('span', { class: 'explain-number' }, valueText(path, explained.value))),
      el('p', { class: 'explain-formula' }, el('code', {}, formulaText(explained))),
      ...(words ? [el('p', {}, words)] : []),
      ...(terms.length ? [el('ul', { class: 'explain-terms' }, terms)] : []),
      ...(note ? [el('p', { class: 'explain-note' }, note)] : []),
      ...(this.#trail.length > 1 ? [el('button', { type: 'button', 'data-back': '' }, t('explain.back'))] : []),
    );
  }

  /** A button in the panel: follow a term, go to a field, or go back a step. */
  #act(button) {
    if (!button) return;
    if (button.dataset.follow) {
      this.#show(button.dataset.follow);
    } else if (button.dataset.field) {
      const field = this.#context()?.input(button.dataset.field);
      this.#opener = null;
      this.close();
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    } else if (button.dataset.back !== undefined) {
      this.#trail.pop();
      const back = this.#trail.pop();
      this.#show(back);
    }
  }
}
