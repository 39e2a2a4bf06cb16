const numberFormats = new Map<string, Intl.NumberFormat>();

/** An `Intl.NumberFormat` for `locale` and `options`, made once: the card formats many numbers per render. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}
