/** What one seed did and found; the soak's figures are these, summed. */
export interface SeedFigures {
  seed: number;
  virtualHours: number;
  /** Faults and server-side events (bans, forgotten devices, management off) injected, by kind. */
  faults: Record<string, number>;
  /** API requests the app sent, by endpoint (counted in the page, so offline attempts would show too). */
  requests: Record<string, number>;
  /** Page loads: the first plus every reload. */
  documents: number;
  violations: number;
  wallSeconds: number;
}

export interface SoakResults {
  generatedAt: string;
  seeds: SeedFigures[];
  totals: Omit<SeedFigures, 'seed'> & { seeds: number };
}

const sumInto = (target: Record<string, number>, source: Record<string, number>): Record<string, number> => {
  for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count;
  return target;
};
const total = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, count) => sum + count, 0);
const sorted = (counts: Record<string, number>): Array<[string, number]> => Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const number = (value: number): string => value.toLocaleString('en-US');

export function summarise(seeds: readonly SeedFigures[], generatedAt = new Date()): SoakResults {
  const ordered = [...seeds].sort((a, b) => a.seed - b.seed);
  return {
    generatedAt: generatedAt.toISOString(),
    seeds: ordered,
    totals: {
      seeds: ordered.length,
      virtualHours: Math.round(ordered.reduce((sum, seed) => sum + seed.virtualHours, 0) * 10) / 10,
      faults: ordered.reduce((counts, seed) => sumInto(counts, seed.faults), {} as Record<string, number>),
      requests: ordered.reduce((counts, seed) => sumInto(counts, seed.requests), {} as Record<string, number>),
      documents: ordered.reduce((sum, seed) => sum + seed.documents, 0),
      violations: ordered.reduce((sum, seed) => sum + seed.violations, 0),
      wallSeconds: ordered.reduce((sum, seed) => sum + seed.wallSeconds, 0),
    },
  };
}

/** The figures as the markdown the README shows: a summary, faults by kind, requests by endpoint, one row per seed. */
export function markdownTables({ seeds, totals }: SoakResults): string {
  const lines = [
    '| seeds | virtual hours | faults injected | requests sent | page loads | invariant violations |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${totals.seeds} | ${number(totals.virtualHours)} | ${number(total(totals.faults))} | ${number(total(totals.requests))} | ${number(totals.documents)} | ${totals.violations} |`,
    '',
    '| fault or event | injected |',
    '| --- | ---: |',
    ...sorted(totals.faults).map(([kind, count]) => `| ${kind} | ${number(count)} |`),
    '',
    '| endpoint | requests sent |',
    '| --- | ---: |',
    ...sorted(totals.requests).map(([endpoint, count]) => `| ${endpoint} | ${number(count)} |`),
    '',
    '| seed | virtual hours | faults | requests | page loads | violations | wall s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...seeds.map((seed) => `| ${seed.seed} | ${seed.virtualHours} | ${total(seed.faults)} | ${number(total(seed.requests))} | ${seed.documents} | ${seed.violations} | ${seed.wallSeconds} |`),
  ];
  return lines.join('\n');
}
