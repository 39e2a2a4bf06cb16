/**
 * Fetches JSON for an element's `src`. The signal comes from `SrcLoader` (src-loader.ts), so a new
 * `src` or a disconnected element aborts the request instead of racing it.
 */
export async function loadJson(src: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(src, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${src} answered ${response.status} ${response.statusText}`.trim());
  return (await response.json()) as unknown;
}
