import type { Catalog } from '../messages.js';

/**
 * The export menu's strings. The formats are named by their file types (CSV, SVG, PNG), which read
 * the same in every language; only the menu's own name is translated.
 */
export interface ExportMessages {
  /** The button that opens and closes the menu, and the menu's accessible name. */
  readonly export: string;
}

export const exportMessages: Catalog<'export'> = {
  key: 'export',
  en: { export: 'Export' },
};
