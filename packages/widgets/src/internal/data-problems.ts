/**
 * Reports what keeps an element from showing its data (a failed load, invalid data) once per distinct
 * reason: `console.error` and a `cs-data-error` event, so a problem seen again on every render is not
 * reported again on every render. `clear()` when the data is good again or before a retry, so that a
 * problem that comes back is reported again.
 */
export class DataProblems {
  private last = '';

  /** `name`: how the console message names the element (default its tag name). */
  constructor(
    private readonly host: HTMLElement,
    private readonly name?: string,
  ) {}

  report(message: string, reason: string): void {
    if (reason === this.last) return;
    this.last = reason;
    console.error(`[cskit] <${this.name ?? this.host.localName}> ${message}: ${reason}`);
    this.host.dispatchEvent(new CustomEvent('cs-data-error', { detail: { reason }, bubbles: true, composed: true }));
  }

  clear(): void {
    this.last = '';
  }
}
