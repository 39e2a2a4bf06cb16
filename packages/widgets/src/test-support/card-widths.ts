import { findTextLayoutProblems } from './text-layout.js';

/** Portal grid cards are 280–400 px wide; 1200 px is a full-width page (issue 10). */
export const CARD_WIDTHS = [280, 320, 400, 1200] as const;

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Sets `el` to `width` px and waits until the ResizeObserver and Lit have redrawn it. */
export async function atWidth(el: HTMLElement & { updateComplete: Promise<unknown> }, width: number): Promise<void> {
  el.style.width = `${width}px`;
  for (let round = 0; round < 2; round += 1) {
    await frame();
    await frame();
    await el.updateComplete;
  }
}

/**
 * The text-layout problems of `el` at every card width, as readable lines ("320px overlap: …"), so a
 * failing test says where. `prepare` runs after each resize (open a tooltip, toggle a series…).
 */
export async function layoutProblemsAtCardWidths(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  prepare?: () => Promise<void> | void,
): Promise<string[]> {
  const found: string[] = [];
  for (const width of CARD_WIDTHS) {
    await atWidth(el, width);
    if (prepare) {
      await prepare();
      await el.updateComplete;
    }
    for (const p of findTextLayoutProblems(el)) found.push(`${width}px ${p.kind}: "${p.text}" / ${p.other}`);
  }
  return found;
}
