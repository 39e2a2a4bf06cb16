import { afterEach, describe, expect, it } from 'vitest';
import { findTextLayoutProblems } from './text-layout.js';

// The layout rule every story is held to (apps/docs/test/static-site.test.ts) must itself be right:
// it has to see real overlaps and cut-offs, and stay quiet on hidden, scrolled and tooltip text.

class LayoutProbe extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
customElements.define('layout-probe', LayoutProbe);

function probe(shadowHtml: string, lightHtml = ''): HTMLElement {
  const host = document.createElement('layout-probe');
  host.style.display = 'block';
  host.style.width = '200px';
  host.style.height = '100px';
  host.style.font = '14px/1.2 sans-serif';
  host.innerHTML = lightHtml;
  (host.shadowRoot as ShadowRoot).innerHTML = shadowHtml;
  document.body.append(host);
  return host;
}

afterEach(() => document.querySelectorAll('layout-probe').forEach((element) => element.remove()));

describe('findTextLayoutProblems', () => {
  it('passes text laid out side by side inside the box', () => {
    const host = probe('<span>Start</span> <span>End</span>');
    expect(findTextLayoutProblems(host)).toEqual([]);
  });

  it('finds two labels drawn over each other', () => {
    const host = probe(
      '<div style="position:relative"><span style="position:absolute;left:0">Start</span><span style="position:absolute;left:10px">$2.3M</span></div>',
    );
    expect(findTextLayoutProblems(host)).toEqual([{ kind: 'overlap', text: 'Start', other: '$2.3M' }]);
  });

  it('finds SVG text overlapping and SVG text cut by the svg box', () => {
    const host = probe(
      '<svg width="200" height="60"><text x="0" y="20">0%</text><text x="4" y="22">Dec 25</text><text x="190" y="50">100%</text></svg>',
    );
    expect(findTextLayoutProblems(host)).toEqual([
      { kind: 'cut-off', text: '100%', other: '<svg>' },
      { kind: 'overlap', text: '0%', other: 'Dec 25' },
    ]);
  });

  it('measures an SVG text element once, however many text nodes its template put in it', () => {
    const host = probe(
      '<svg width="200" height="60">\n  <g>\n    <text x="100" y="20" text-anchor="end"></text>\n    <text x="0" y="50">0%</text>\n  </g>\n</svg>',
    );
    const text = host.shadowRoot?.querySelector('text') as SVGTextElement;
    // Lit renders `${name} ${value}` as separate text nodes of one <text>: one label, not two overlapping.
    text.append(document.createTextNode('Target'), document.createTextNode(' '), document.createTextNode('3%'));
    expect(findTextLayoutProblems(host)).toEqual([]);
    text.setAttribute('x', '220');
    expect(findTextLayoutProblems(host)).toEqual([{ kind: 'cut-off', text: 'Target 3%', other: '<svg>' }]);
  });

  it('finds text sticking out of the host, and a controls row that scrolls a button out of view', () => {
    const host = probe(
      '<p style="margin:0;white-space:nowrap">A label far too long for two hundred pixels of card</p>' +
        '<div part="controls" style="display:flex;overflow-x:auto"><button style="flex:none;width:150px">Promoters</button><button style="flex:none;width:150px">Show table</button></div>',
    );
    expect(findTextLayoutProblems(host)).toEqual([
      { kind: 'cut-off', text: 'A label far too long for two hundred pixels of card', other: 'host' },
      { kind: 'cut-off', text: 'Show table', other: '<div part="controls">' },
    ]);
  });

  it('ignores visually hidden text, hidden elements and rows a scrolling table scrolls away', () => {
    const host = probe(
      '<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)">Screen-reader summary over everything</span>' +
        '<span hidden>Hidden</span><span style="visibility:hidden">Invisible</span>' +
        '<div style="height:40px;overflow:auto"><table><tr><td>Row 1</td></tr><tr><td>Row 2</td></tr><tr><td>Row 3</td></tr><tr><td>Row 4</td></tr></table></div>',
    );
    expect(findTextLayoutProblems(host)).toEqual([]);
  });

  it('compares a tooltip only with itself, not with the chart under it', () => {
    const host = probe(
      '<div style="position:relative"><span>Axis label</span><div role="tooltip" style="position:absolute;top:0;left:0;background:white">Tooltip text</div></div>',
    );
    expect(findTextLayoutProblems(host)).toEqual([]);
  });

  it('measures slotted text once, where it is rendered', () => {
    const host = probe(
      '<h2 style="margin:0;white-space:nowrap"><slot name="title">Fallback title</slot></h2><span>Other</span>',
      '<span slot="title">Acme GmbH</span>',
    );
    expect(findTextLayoutProblems(host)).toEqual([]);
    host.querySelector('span')?.style.setProperty('margin-left', '190px');
    expect(findTextLayoutProblems(host)).toEqual([{ kind: 'cut-off', text: 'Acme GmbH', other: 'host' }]);
  });
});
