/**
 * Signed numbers whose sign a line break separates from the digits, in `host`'s shadow tree: each as
 * the text it breaks. A sign is a minus or plus ("-0.6", "+4.1") or the ▲/▼ arrow before a change
 * ("▼ -12.4"). Measured with ranges, so it sees what the browser's line breaking did.
 */
export function signsBrokenFromNumbers(host: Element): string[] {
  const broken: string[] = [];
  // The arrow is often its own (aria-hidden) node: compare whole lines of the element's text instead
  // of single nodes, through a range over the composed text of each signed number.
  const root = host.shadowRoot ?? host;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const text = nodes.map((node) => node.data).join('');
  // Where each text node starts in `text`, to map a match back to DOM positions.
  const starts: number[] = [];
  nodes.reduce((offset, node) => (starts.push(offset), offset + node.data.length), 0);
  const position = (index: number): [Text, number] => {
    let i = starts.length - 1;
    while (i > 0 && (starts[i] ?? 0) > index) i -= 1;
    return [nodes[i] as Text, index - (starts[i] ?? 0)];
  };
  for (const match of text.matchAll(/[▲▼][\s\u00a0]*[-+\u2212]?\d|[-+\u2212]\d/g)) {
    const range = document.createRange();
    range.setStart(...position(match.index));
    range.setEnd(...position(match.index + match[0].length));
    const tops = new Set(
      Array.from(range.getClientRects())
        .filter((rect) => rect.width > 0)
        .map((rect) => Math.round(rect.bottom)),
    );
    if (tops.size > 1) broken.push(match[0].replace(/\s+/g, ' '));
  }
  return broken;
}

/**
 * {@link signsBrokenFromNumbers} of `el` at every width from 40 to 240 px in steps of 4 (the narrowest
 * columns a card can give it), each as `"<width>px: <text>"`, once.
 */
export async function signsBrokenAtNarrowWidths(el: HTMLElement): Promise<string[]> {
  const broken = new Set<string>();
  for (let width = 40; width <= 240; width += 4) {
    el.style.width = `${width}px`;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const text of signsBrokenFromNumbers(el)) broken.add(`${width}px: ${text}`);
  }
  return [...broken];
}
