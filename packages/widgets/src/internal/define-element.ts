/**
 * Registers `tag` unless it is already taken. Two copies of @cskit/widgets on one page (a portal and a
 * micro-frontend, say) must not crash each other with "has already been used with this registry":
 * the first definition wins and the second warns, naming both versions.
 */
export function defineElement(
  tag: string,
  elementClass: CustomElementConstructor & { readonly version?: string },
): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (existing === undefined) {
    customElements.define(tag, elementClass);
    return;
  }
  if (existing === elementClass) return;
  console.warn(
    `[cskit] <${tag}> is already defined (version ${existing.version ?? 'unknown'}); ` +
      `skipping the definition from version ${elementClass.version ?? 'unknown'}.`,
  );
}
