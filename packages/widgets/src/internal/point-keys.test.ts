import { expect, it } from 'vitest';
import { pointKeyAction } from './point-keys.js';

it('steps, jumps a tenth, goes to the ends, and starts from either end when nothing is active', () => {
  expect(pointKeyAction('ArrowRight', -1, 60)).toBe(0);
  expect(pointKeyAction('ArrowLeft', -1, 60)).toBe(59);
  expect(pointKeyAction('ArrowRight', 59, 60)).toBe(59);
  expect(pointKeyAction('ArrowLeft', 0, 60)).toBe(0);
  expect(pointKeyAction('PageDown', 10, 60)).toBe(16);
  expect(pointKeyAction('PageUp', 3, 60)).toBe(0);
  expect(pointKeyAction('PageDown', 1, 4)).toBe(2); // at least one point
  expect(pointKeyAction('Home', 30, 60)).toBe(0);
  expect(pointKeyAction('End', 3, 60)).toBe(59);
  expect(pointKeyAction('Enter', 3, 60)).toBe('select');
  expect(pointKeyAction(' ', 3, 60)).toBe('select');
  expect(pointKeyAction('Escape', 3, 60)).toBe('clear');
  expect(pointKeyAction('Tab', 3, 60)).toBeUndefined();
});
