// What a person types into the temperature field.
import { describe, expect, test } from 'vitest';
import { parseTemperature } from '../../renderer/features/chat/temperature';

describe('the temperature a person types', () => {
  test.each([
    ['0.7', 0.7],
    [' 1 ', 1],
    ['0,3', 0.3],
    ['.5', 0.5],
    ['2', 2],
    ['0', 0],
    ['0.333', 0.33],
  ])('%j is %d', (input, value) => {
    expect(parseTemperature(input)).toEqual({ kind: 'value', value });
  });

  test('empty means the provider’s default', () => {
    expect(parseTemperature('  ')).toEqual({ kind: 'default' });
  });

  test.each(['3', '-1', 'hot', '1e0', '0.7.1', 'NaN', 'Infinity'])('%j is refused with the range', (input) => {
    expect(parseTemperature(input)).toEqual({ kind: 'invalid', message: 'Temperature is a number from 0 to 2, like 0.7.' });
  });
});
