import { describe, expect, it } from 'vitest';
import { tileLabel } from './tv-tile';

describe('tileLabel (what a voice guide reads for a tile)', () => {
  it('reads title, subtitle and the place in the rail', () => {
    expect(tileLabel({ title: 'Deep Blue', subtitle: 'Nature · 2023', comingSoon: false }, 3, 8)).toBe('Deep Blue, Nature · 2023, 3 of 8');
  });

  it('says "coming soon" once, whether or not the subtitle already does', () => {
    expect(tileLabel({ title: 'Night Shift', subtitle: 'Coming soon', comingSoon: true }, 7, 9)).toBe('Night Shift, Coming soon, 7 of 9');
    expect(tileLabel({ title: 'Harbour', subtitle: '2025', comingSoon: true }, 1, 2)).toBe('Harbour, 2025, coming soon, 1 of 2');
  });

  it('leaves the place out until the rail has given it', () => {
    expect(tileLabel({ title: 'Alone', subtitle: '', comingSoon: false }, 0, 0)).toBe('Alone');
  });
});
