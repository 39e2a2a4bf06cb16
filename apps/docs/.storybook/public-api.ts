/**
 * `custom-elements.json` as the elements' API tables (Controls, Docs tab) should show it. Storybook's
 * web-components docs list every member of the manifest, private ones included, under its bare name, so
 * the KPI tile's `label` part hid its `label` property and the tables showed `fitObserver`. Here each
 * element keeps its public instance fields (each attribute said in its property's description, not a
 * second row), its events, slots as `slot="…"`, parts as `::part(…)` and custom properties.
 */

interface Described {
  readonly name: string;
  readonly description?: string;
  readonly [key: string]: unknown;
}

interface Member extends Described {
  readonly kind: string;
  readonly privacy?: string;
  readonly static?: boolean;
  readonly attribute?: string;
}

interface Declaration {
  readonly tagName?: string;
  readonly members?: readonly Member[];
  readonly attributes?: readonly Described[];
  readonly slots?: readonly Described[];
  readonly cssParts?: readonly Described[];
  readonly [key: string]: unknown;
}

/** The parts of a custom elements manifest (schema 2.x) this module reads. */
export interface ElementsManifest {
  readonly modules: readonly { readonly declarations?: readonly Declaration[]; readonly [key: string]: unknown }[];
  readonly [key: string]: unknown;
}

/**
 * A public property or attribute of an element, as an instance of it exposes it. The analyzer writes
 * `privacy: 'public'` for some inherited fields (the `export` attribute of `ExportingElement`) and
 * leaves it out for the rest.
 */
export function isPublicField(member: Member): boolean {
  return member.kind === 'field' && (member.privacy ?? 'public') === 'public' && member.static !== true;
}

/** How a slot is named in the tables (`slot="title"`; the default slot as `(default slot)`). */
export const slotRow = (name: string): string => (name === '' ? '(default slot)' : `slot="${name}"`);

/** How a part is named in the tables: `::part(label)`, as a stylesheet selects it. */
export const partRow = (name: string): string => `::part(${name})`;

function withAttribute(member: Member): Member {
  if (member.attribute === undefined || member.attribute === member.name) return member;
  const note = `Attribute: \`${member.attribute}\`.`;
  return { ...member, description: member.description ? `${member.description}\n\n${note}` : note };
}

function publicDeclaration(declaration: Declaration): Declaration {
  if (declaration.tagName === undefined) return declaration;
  const fields = (declaration.members ?? []).filter(isPublicField);
  const fieldNames = new Set(fields.map((field) => field.name));
  return {
    ...declaration,
    members: fields.map(withAttribute),
    // An attribute that sets a property is that property's row; one without a property keeps its own.
    attributes: (declaration.attributes ?? []).filter(
      (attribute) => !fieldNames.has(String(attribute.fieldName ?? attribute.name)),
    ),
    slots: (declaration.slots ?? []).map((slot) => ({ ...slot, name: slotRow(slot.name) })),
    cssParts: (declaration.cssParts ?? []).map((part) => ({ ...part, name: partRow(part.name) })),
  };
}

/** The manifest with each element's declaration reduced to its public API (see the module comment). */
export function publicApi<M extends ElementsManifest>(manifest: M): M {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map(publicDeclaration),
    })),
  };
}
