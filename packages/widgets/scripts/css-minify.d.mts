/** Minifies one CSS text: comments and redundant whitespace, never inside quotes. */
export function minifyCss(text: string): string;
/** Minifies the css`…` templates of a module's source, leaving `${…}` expressions as they are. */
export function minifyCssTemplates(source: string): string;
