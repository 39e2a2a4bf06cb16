import { isUtf8 } from 'node:buffer';

/**
 * Checks that byte chunks are UTF-8 with Node's native validator (no text is made): a character split
 * between two chunks is joined first. A failure is the TypeError a fatal `TextDecoder` throws, as the
 * readers of text throw it.
 */
export class NativeUtf8Check {
  private carry: Uint8Array = new Uint8Array(0);

  /** @throws TypeError when the bytes are not UTF-8. */
  check(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const complete = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, complete))) fail(bytes.subarray(0, complete));
    this.carry = bytes.slice(complete);
  }

  /** @throws TypeError when the input ends inside a character. */
  end(): void {
    if (this.carry.length > 0) fail(this.carry);
  }
}

function fail(bytes: Uint8Array): never {
  new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  throw new TypeError('The encoded data was not valid for encoding utf-8');
}

/** Length of `bytes` less a character cut short at its end. */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let i = length - 1; i >= 0 && i >= length - 4; i--) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte < 0xc0 ? 1 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
    return i + size <= length ? length : i;
  }
  return length;
}
