import type { CSSResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { minifyCss, minifyCssTemplates } from '../../scripts/css-minify.mjs';
import '../churn-chart/cs-churn-chart.js';
import '../cohort-heatmap/cs-cohort-heatmap.js';
import '../customer-list/cs-customer-list.js';
import '../health-card/cs-health-card.js';
import '../kpi/cs-kpi.js';
import '../mrr-bridge/cs-mrr-bridge.js';
import '../nps-trend/cs-nps-trend.js';

// The build minifies the css`…` templates of dist/ (scripts/minify-css.mjs); the browser must read the
// minified styles exactly as it reads ours.
const tags = [
  'cs-churn-chart',
  'cs-cohort-heatmap',
  'cs-customer-list',
  'cs-health-card',
  'cs-kpi',
  'cs-mrr-bridge',
  'cs-nps-trend',
];

/**
 * The rules as the browser serialises them. Custom property values and var() fallbacks keep their
 * source tokens, so the space after a comma there survives parsing: it is the one difference allowed
 * (a comma separates tokens with or without it).
 */
function rulesOf(cssText: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

describe('the dist CSS minifier', () => {
  it.each(tags)('leaves the rules of every style sheet of <%s> as the browser parses them', (tag) => {
    const element = customElements.get(tag) as unknown as { elementStyles: CSSResult[] } | undefined;
    const sheets = element?.elementStyles ?? [];
    expect(sheets.length).toBeGreaterThan(0);
    for (const { cssText } of sheets) {
      const minified = minifyCss(cssText);
      expect(rulesOf(minified)).toEqual(rulesOf(cssText));
      expect(minified.length).toBeLessThan(cssText.length);
    }
  });

  it('keeps quoted text, descendant pseudo-classes and calc() spacing', () => {
    expect(minifyCss(`/* why */ .a :hover , .b > .c { content: ' · a,  b ' ; width: calc(1px + 2%) }`)).toBe(
      ` .a :hover,.b>.c{content:' · a,  b ';width:calc(1px + 2%)}`,
    );
  });

  it('minifies only the literal parts of a css`…` template, leaving expressions and other templates alone', () => {
    const source =
      "const a = html`<p>  keep  </p>`;\nconst b = css `\n  :host {\n    color: ${unsafeCSS(x ? `a  b` : '}')};\n    border: 1px ${style} red;\n  }\n`;";
    expect(minifyCssTemplates(source)).toBe(
      "const a = html`<p>  keep  </p>`;\nconst b = css ` :host{color:${unsafeCSS(x ? `a  b` : '}')};border:1px ${style} red;}`;",
    );
  });
});
