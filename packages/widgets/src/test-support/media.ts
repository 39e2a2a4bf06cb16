import { commands } from 'vitest/browser';

/** Media features `emulateMedia` can set; `null` goes back to the browser's own value. */
export interface MediaFeatures {
  colorScheme?: 'light' | 'dark' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Defined in vitest.config.ts: Playwright's `page.emulateMedia` for the page the tests run in. */
    emulateMedia: (features: MediaFeatures) => Promise<void>;
  }
}

/** Makes `@media (prefers-…)` queries of the test page match `features` until {@link resetMedia}. */
export async function emulateMedia(features: MediaFeatures): Promise<void> {
  await commands.emulateMedia(features);
}

/** Undoes {@link emulateMedia}: the browser's own colour scheme and motion preference again. */
export async function resetMedia(): Promise<void> {
  await commands.emulateMedia({ colorScheme: null, reducedMotion: null });
}
