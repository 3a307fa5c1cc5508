import { test } from '../e2e/support/fixtures';
import { emptyOutcome, runSeed, virtualTime, type SoakOutcome } from './driver';
import { FIGURES_ATTACHMENT } from './figures-reporter';
import { buildScenario } from './scenario';
import { soakSeeds } from './seeds';

function failureReport(seed: number, outcome: SoakOutcome, error?: unknown): string {
  const lines = [
    `Soak seed ${seed} ${error ? `stopped: ${error instanceof Error ? error.message : String(error)}` : `broke ${outcome.violations.length} invariant(s)`}.`,
    `Replay exactly this run: SOAK_SEEDS=${seed} npm run soak`,
    '',
    ...(outcome.violations.length ? ['Violations:', ...outcome.violations.map((v) => `  ${virtualTime(v.T)}  [${v.rule}] ${v.detail}`), ''] : []),
    'What the soak did, up to the failure:',
    ...outcome.log.map((line) => `  ${line}`),
    '',
    'What the app did last:',
    ...outcome.recent.map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}

for (const seed of soakSeeds(process.env)) {
  test(`seed ${seed}: 24 virtual hours of faults, then recovery`, async ({ page, context, server }, testInfo) => {
    const outcome = emptyOutcome(seed);
    try {
      await runSeed(page, context, server, buildScenario(seed), outcome);
    } catch (error) {
      throw new Error(failureReport(seed, outcome, error));
    } finally {
      await testInfo.attach(FIGURES_ATTACHMENT, { body: JSON.stringify(outcome.figures), contentType: 'application/json' });
    }
    // SOAK_LOG=1 prints what a passing seed did, e.g. to see what a replayed seed covers.
    if (process.env.SOAK_LOG) console.log(outcome.log.join('\n'));
    if (outcome.violations.length) throw new Error(failureReport(seed, outcome));
  });
}
