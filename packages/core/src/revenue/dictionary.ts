/** Dictionary encoding with a shortcut for runs of the same key, which is how exports arrive. */
export class Dictionary {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  private lastKey: string | undefined;
  private lastCode = -1;

  code(key: string): number {
    if (key === this.lastKey) return this.lastCode;
    // Products and currencies are few: comparing with each beats hashing the key.
    const keys = this.keys;
    let code = -1;
    if (keys.length <= 8) code = keys.indexOf(key);
    else code = this.index.get(key) ?? -1;
    if (code < 0) {
      code = keys.length;
      this.index.set(key, code);
      keys.push(key);
    }
    this.lastKey = key;
    this.lastCode = code;
    return code;
  }
}
