import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { supportedLanguages, type Language } from '../../../packages/widgets/src/internal/messages.js';

const widgetsSrc = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'packages',
  'widgets',
  'src',
);

/** Stands for any argument of a message function; the text between two of them is ours. */
const HOLE = '\u0000';

/**
 * An argument that is whatever a message function asks of it: interpolated, it is a hole; any property
 * of it (`parts.cohort`) is another such argument. Comparisons (`n === 1`) are false, so functions
 * take their general branch.
 */
const anything: unknown = new Proxy(() => HOLE, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => HOLE : anything),
  apply: () => HOLE,
});

/** The literal pieces of one message: a string is one piece, a function's text between its arguments. */
function pieces(message: unknown): string[] {
  if (typeof message === 'string') return [message];
  if (typeof message === 'function') {
    try {
      const text: unknown = (message as (...args: unknown[]) => unknown)(
        anything,
        anything,
        anything,
        anything,
        anything,
      );
      return typeof text === 'string' ? text.split(HOLE) : [];
    } catch {
      return [];
    }
  }
  if (typeof message === 'object' && message !== null) return Object.values(message).flatMap(pieces);
  return [];
}

/** An element's catalog (`Catalog` in messages.ts): its English strings, bundled with the element. */
function isCatalog(value: unknown): value is { readonly key: string; readonly en: unknown } {
  return typeof value === 'object' && value !== null && 'key' in value && 'en' in value;
}

/** A table with one string per supported language, all bundled (`loadingMessages`). */
function isPerLanguage(value: unknown): value is Record<Language, unknown> {
  return typeof value === 'object' && value !== null && supportedLanguages.every((language) => language in value);
}

function messageModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return messageModules(file);
    return entry.name.endsWith('.messages.ts') || file.endsWith(path.join('internal', 'messages.ts')) ? [file] : [];
  });
}

/** Adds the trimmed literal pieces of `messages` that contain a letter to `words`. */
function addWords(words: Set<string>, messages: unknown): void {
  for (const piece of pieces(messages)) {
    // Punctuation and spaces around a piece are not words ("), " in "(…), "); keep inner ones.
    const word = piece.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
    if (/\p{L}/u.test(word)) words.add(word);
  }
}

/**
 * Every string of the widgets as the words of each language: English from the catalogs
 * (`src/**\/*.messages.ts` and `internal/messages.ts`), the other languages from their locale modules
 * (`internal/locales/<language>.ts`); the trimmed literal pieces of strings and message functions
 * that contain a letter.
 */
export async function messageWords(): Promise<Record<Language, Set<string>>> {
  const words = Object.fromEntries(supportedLanguages.map((language) => [language, new Set<string>()])) as Record<
    Language,
    Set<string>
  >;
  for (const file of messageModules(widgetsSrc)) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (isCatalog(value)) addWords(words.en, value.en);
      else if (isPerLanguage(value))
        for (const language of supportedLanguages) addWords(words[language], value[language]);
    }
  }
  for (const language of supportedLanguages.filter((l) => l !== 'en')) {
    const file = path.join(widgetsSrc, 'internal', 'locales', `${language}.ts`);
    const module = (await import(pathToFileURL(file).href)) as { translations: unknown };
    addWords(words[language], module.translations);
  }
  return words;
}

/** Keys named as printed on the keyboard, which the keyboard hints of every language keep ("Home i End"). */
const KEY_NAMES: ReadonlySet<string> = new Set(['Home', 'End', 'Enter', 'Escape', 'Page Up', 'Page Down']);

/**
 * The English words that must not appear in a page of `language`: those of three letters or more (not
 * "of", "to", "in": Polish "to" is a word too) that the language's own catalogs do not also use ("NPS",
 * "MRR", Polish "Segment", Spanish "Factor") and that are not key names.
 */
export function englishOnly(words: Record<Language, Set<string>>, language: Language): string[] {
  return [...words.en].filter(
    (word) => (word.match(/\p{L}/gu) ?? []).length >= 3 && !words[language].has(word) && !KEY_NAMES.has(word),
  );
}

/** Where `word` occurs in `text` as a whole word (no letter right before or after it). */
export function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'u').test(text);
}
