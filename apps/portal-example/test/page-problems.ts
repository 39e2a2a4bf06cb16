import type { Page } from 'playwright';

/** What went wrong in a page while the test drove it; every list should stay empty. */
export interface PageProblems {
  /** Console errors and warnings, uncaught exceptions, and responses with an error status. */
  readonly errors: string[];
  /** Content-Security-Policy violations: `securitypolicyviolation` events and Chromium's console reports. */
  readonly csp: string[];
}

/**
 * Starts recording the problems of `page`, including those of the first document it loads: the
 * violation listener is installed before any of the page's scripts run, and violations inside the
 * elements' shadow roots reach it too (the event is composed).
 */
export async function recordPageProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], csp: [] };
  await page.exposeBinding('__portalCspViolation', (_source, text: string) => problems.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __portalCspViolation: (text: string) => void }).__portalCspViolation;
        void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} ${event.sample}`);
      },
      { capture: true },
    );
  });
  page.on('console', (message) => {
    const text = `${message.type()}: ${message.text()}`;
    if (/content.security.policy/i.test(message.text())) problems.csp.push(text);
    else if (message.type() === 'error' || message.type() === 'warning') problems.errors.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
