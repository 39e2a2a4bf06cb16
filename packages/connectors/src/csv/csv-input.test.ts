import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvTextChunks, type CsvInput } from './csv-input.js';

async function text(input: CsvInput): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of csvTextChunks(input)) chunks.push(chunk);
  return chunks;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('csvTextChunks', () => {
  it('passes a string through, without its byte order mark', async () => {
    expect(await text('\uFEFFa,b\n')).toEqual(['a,b\n']);
  });

  it('decodes UTF-8 bytes, joining a character split between two chunks', async () => {
    const euro = bytes('€'); // three bytes
    const chunks = [bytes('a,'), euro.slice(0, 1), euro.slice(1), bytes('\n')];
    expect((await text(Readable.from(chunks))).join('')).toBe('a,€\n');
  });

  it('drops the byte order mark of bytes', async () => {
    expect((await text(Readable.from([new Uint8Array([0xef, 0xbb, 0xbf]), bytes('a\n')]))).join('')).toBe('a\n');
  });

  it('reads a web ReadableStream', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('x,y\n'));
        controller.enqueue(bytes('1,2\n'));
        controller.close();
      },
    });
    expect((await text(stream)).join('')).toBe('x,y\n1,2\n');
  });

  it('rejects bytes that are not UTF-8', async () => {
    await expect(text(Readable.from([new Uint8Array([0x61, 0xff, 0x0a])]))).rejects.toThrow(TypeError);
  });
});
