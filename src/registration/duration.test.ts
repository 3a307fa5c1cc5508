import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('picks the unit a person would', () => {
    expect([0, 45_000, 119_000, 150_000, 3 * 3600_000, 162 * 86_400_000, -5].map(formatDuration)).toEqual(['0 s', '45 s', '119 s', '3 min', '3 h', '162 days', '0 s']);
  });
});
