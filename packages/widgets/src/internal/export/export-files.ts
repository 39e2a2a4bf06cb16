import { drawingOf, pngOf } from './drawing.js';
import { tableCsv } from './table-csv.js';

/*
 * What the export methods and menu do, loaded on first use (a dynamic import from exportable.ts): a
 * page that never exports does not load it. Nothing here runs at import time.
 */

export type DataFormat = 'csv';
export type ImageFormat = 'svg' | 'png';

/** `detail` of `cs-export`: the file the export menu is about to download. */
export interface ExportDetail {
  readonly format: DataFormat | ImageFormat;
  readonly blob: Blob;
  /** The file's suggested name: the element's label (or tag) and the format's extension. */
  readonly filename: string;
}

/** Characters no file system takes in a name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_NAME = /[\\/:*?"<>|\u0000-\u001f]+/g;

export { tableCsv };

/** `source` (a chart's `svg`, or the heatmap's `table`) on `background` as an SVG or PNG file. */
export async function imageOf(source: Element, background: string, format: ImageFormat): Promise<Blob> {
  const drawing = drawingOf(source, background);
  return format === 'svg'
    ? new Blob([drawing.svg], { type: 'image/svg+xml' })
    : pngOf(drawing, globalThis.devicePixelRatio || 1);
}

/**
 * The export menu's download: tells the page (`cs-export`, cancelable, with the file) and, unless it
 * said no, saves the file through a temporary `blob:` link. A CSV starts with a byte-order mark, so
 * spreadsheets read the UTF-8 of Bulgarian or Chinese labels as such.
 */
export function deliver(
  host: HTMLElement,
  label: string,
  format: DataFormat | ImageFormat,
  content: string | Blob,
): void {
  const blob =
    typeof content === 'string' ? new Blob(['\ufeff', content], { type: 'text/csv;charset=utf-8' }) : content;
  const name = label.replace(UNSAFE_NAME, '-').trim() || host.localName;
  const detail: ExportDetail = { format, blob, filename: `${name}.${format}` };
  const event = new CustomEvent('cs-export', { detail, bubbles: true, composed: true, cancelable: true });
  if (!host.dispatchEvent(event)) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = detail.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** Why there is nothing to export, for the methods' errors. */
export function nothingToExport(tag: string, what: 'data' | 'chart'): Error {
  return new Error(`<${tag}> has no ${what === 'data' ? 'data' : 'chart drawn'} to export`);
}
