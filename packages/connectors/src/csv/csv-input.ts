/**
 * CSV text to read: the whole text, or its chunks as they arrive (strings or UTF-8 bytes) from an async
 * iterable — a Node `Readable` such as `fs.createReadStream(path)` is one — or a web `ReadableStream`
 * such as `(await fetch(url)).body`. Chunks are decoded and parsed one by one, so a large file is never
 * held as one string.
 */
export type CsvInput = string | AsyncIterable<string | Uint8Array> | ReadableStream<string | Uint8Array>;

/**
 * The text of a CSV input, chunk by chunk: bytes decoded as UTF-8 (a character split between two chunks
 * is joined), with a leading byte order mark removed.
 *
 * @throws TypeError when the bytes are not valid UTF-8.
 */
export async function* csvTextChunks(input: CsvInput): AsyncGenerator<string, void, undefined> {
  // `fatal`: a byte sequence that is not UTF-8 is an error, not a silent U+FFFD in a customer's name.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of chunksOf(input)) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text !== '') {
      // TextDecoder already drops the BOM of bytes; string chunks keep it.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** The chunks of a CSV input as they come: strings or bytes. */
export async function* chunksOf(input: CsvInput): AsyncGenerator<string | Uint8Array, void, undefined> {
  if (typeof input === 'string') {
    yield input;
  } else if (isReadableStream(input)) {
    // Not every browser makes ReadableStream async-iterable yet; its reader works everywhere.
    const reader = input.getReader();
    let done = false;
    try {
      for (;;) {
        const next = await reader.read();
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // A reader that stops early (too many errors) frees the source, as breaking out of for-await does.
      if (!done) await reader.cancel();
      reader.releaseLock();
    }
  } else {
    yield* input;
  }
}

function isReadableStream(input: CsvInput): input is ReadableStream<string | Uint8Array> {
  return typeof (input as Partial<ReadableStream>).getReader === 'function';
}
