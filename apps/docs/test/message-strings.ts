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

/** A catalog: an object with one set of strings per supported language. */
function isCatalog(value: unknown): value is Record<Language, unknown> {
  return typeof value === 'object' && value !== null && supportedLanguages.every((language) => language in value);
}

function messageModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return messageModules(file);
    return entry.name.endsWith('.messages.ts') || file.endsWith(path.join('internal', 'messages.ts')) ? [file] : [];
  });
}

/**
 * Every catalog of the widgets (`src/**\/*.messages.ts` and `internal/messages.ts`) as the words of each
 * language: the trimmed literal pieces of its strings and message functions that contain a letter.
 */
export async function messageWords(): Promise<Record<Language, Set<string>>> {
  const words = Object.fromEntries(supportedLanguages.map((language) => [language, new Set<string>()])) as Record<
    Language,
    Set<string>
  >;
  for (const file of messageModules(widgetsSrc)) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const catalog of Object.values(module).filter(isCatalog)) {
      for (const language of supportedLanguages) {
        for (const piece of pieces(catalog[language])) {
          // Punctuation and spaces around a piece are not words ("), " in "(…), "); keep inner ones.
          const word = piece.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
          if (/\p{L}/u.test(word)) words[language].add(word);
        }
      }
    }
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
