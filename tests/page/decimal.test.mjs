// The form's exact decimal helpers (pure functions, no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanNumber, isDecimal, shiftPoint } from '../../www/decimal.js';

test('shiftPoint moves the point exactly and normalises', () => {
  const cases = [
    ['12.5', -2, '0.125'], ['0.125', 2, '12.5'], ['-0.99', 2, '-99'], ['-99', -2, '-0.99'],
    ['100', -2, '1'], ['1000', -2, '10'], ['0.3', 2, '30'], ['30', -2, '0.3'], ['0', -2, '0'],
    ['-0', 2, '0'], ['+5', -2, '0.05'], ['0.0000001', 2, '0.00001'], ['7.17', 0, '7.17'],
    ['007.50', 0, '7.5'], ['0.1', -2, '0.001'],
  ];
  for (const [text, places, expected] of cases) assert.equal(shiftPoint(text, places), expected, `${text} ${places}`);
});

test('shiftPoint leaves non-numbers for the model to refuse', () => {
  for (const text of ['', 'abc', '1e3', '1.', '.5', '1_0', 'NaN']) assert.equal(shiftPoint(text, -2), text);
});

test('cleanNumber drops separators and makes the minus ASCII', () => {
  assert.equal(cleanNumber(' 1,000.5 '), '1000.5');
  assert.equal(cleanNumber('\u221245'), '-45');
  assert.equal(cleanNumber('1e3'), '1e3');
  assert.ok(isDecimal('-0.5') && !isDecimal('1e3') && !isDecimal(''));
});
