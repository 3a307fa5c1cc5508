import type { Page } from '@playwright/test';

/** Records Content-Security-Policy violations: markup that got parsed would try to run and be blocked. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
