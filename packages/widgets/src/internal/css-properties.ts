import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS properties by their CSS name (`inline-size`, `background-color`, `--my-token`); `null` or `undefined` unsets. */
export type CssPropertyValues = Readonly<Record<string, string | null | undefined>>;

class CssPropertiesDirective extends Directive {
  private names = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProperties() binds to an element: <div ${…}>');
  }

  render(_properties: CssPropertyValues): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [CssPropertyValues]): typeof noChange {
    const { style } = part.element as HTMLElement;
    const names = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || value === undefined) continue;
      style.setProperty(name, value);
      names.add(name);
    }
    for (const name of this.names) if (!names.has(name)) style.removeProperty(name);
    this.names = names;
    return noChange;
  }
}

/**
 * Sets inline CSS properties on the element it is bound to, `<div ${cssProperties({ 'inline-size': '40%' })}>`,
 * always through the CSSOM (`element.style.setProperty` / `removeProperty`), and unsets the ones a later
 * render leaves out.
 *
 * Why not Lit's `styleMap`: on first render it writes a `style="…"` attribute (lit/lit#4719), which a
 * Content-Security-Policy without `'unsafe-inline'` for styles (`style-src 'self'`) blocks, so the
 * elements would lose their bar widths, cell colours and tooltip positions on such pages. CSSOM writes
 * are not inline styles in CSP's sense and are always allowed. Our code must never write a `style`
 * attribute. (Nothing is rendered on the server, so the attribute styleMap uses for SSR is not needed.)
 */
export const cssProperties = directive(CssPropertiesDirective);
