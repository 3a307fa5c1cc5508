import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { markdownTables, summarise, type SeedFigures } from './figures';

/** The attachment each seed's test carries its figures in. */
export const FIGURES_ATTACHMENT = 'soak-figures';

/**
 * Collects each seed's figures and ends the run with the table; writes them to
 * `$SOAK_RESULTS` (default `tests/soak/results.json`), which the README's table comes from.
 */
export default class FiguresReporter implements Reporter {
  private readonly seeds: SeedFigures[] = [];

  onTestEnd(_test: TestCase, result: TestResult): void {
    const attachment = result.attachments.find((item) => item.name === FIGURES_ATTACHMENT);
    if (attachment?.body) this.seeds.push(JSON.parse(attachment.body.toString('utf8')) as SeedFigures);
  }

  onEnd(): void {
    if (!this.seeds.length) return;
    const results = summarise(this.seeds);
    const path = resolve(process.env.SOAK_RESULTS ?? new URL('./results.json', import.meta.url).pathname);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nFault soak figures (${path}):\n\n${markdownTables(results)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
