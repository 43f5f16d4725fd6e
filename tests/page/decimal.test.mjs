// The form's exact decimal helpers (pure functions, no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDecimal, readNumber, shiftPoint } from '../../www/decimal.js';

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

test('readNumber reads what was typed exactly, or says why not', () => {
  const cases = [
    // [typed, percent field, text, problem]
    [' 7.17 ', false, '7.17'], ['\u221245', false, '-45'], ['1,250', false, '1250'], ['12,500.5', false, '12500.5'],
    ['-1,000,000', false, '-1000000'], ['55%', true, '55'], [' 55 % ', true, '55'], ['0.5%', true, '0.5'],
    ['1e3', false, '1e3'], ['', false, ''],
    ['7,17', false, '7,17', 'comma'], ['0,3', true, '0,3', 'comma'], ['1,2,3', false, '1,2,3', 'comma'],
    ['1,0000', false, '1,0000', 'comma'], [',5', false, ',5', 'comma'], ['1,250,5', false, '1,250,5', 'comma'],
    ['55%', false, '55%', 'percent'], ['1 250', false, '1 250', 'space'],
  ];
  for (const [typed, percent, text, problem] of cases) {
    const expected = problem ? { text, problem } : { text };
    assert.deepEqual(readNumber(typed, { percent }), expected, JSON.stringify(typed));
  }
  assert.ok(isDecimal('-0.5') && !isDecimal('1e3') && !isDecimal(''));
});
