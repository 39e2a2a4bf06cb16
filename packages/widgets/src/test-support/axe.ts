import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe-core on a mounted element (its shadow tree included) and fails with the rules it breaks. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}
