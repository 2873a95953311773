import { describe, expect, it } from 'vitest';
import { guessHeader, MIN_CONFIDENCE } from '@shared/records/header';
import { RECORD_DEFINITIONS } from '@shared/records';
import { RECORD_KINDS } from '@shared/records/types';
import { HEADER_CORPUS } from './header-corpus';

describe('header corpus', () => {
  it('has at least 150 headers', () => {
    expect(Object.values(HEADER_CORPUS).flat().length).toBeGreaterThanOrEqual(150);
  });

  it.each(RECORD_KINDS)('maps every %s header to its field, sure enough to use it', (kind) => {
    const specs = RECORD_DEFINITIONS[kind].columns.filter((c) => c.importable);
    const wrong = HEADER_CORPUS[kind]
      .map(([header, expected]) => ({ header, expected, guess: guessHeader(header, specs) }))
      .filter(({ expected, guess }) => guess.key !== expected || (expected !== null && guess.confidence < MIN_CONFIDENCE))
      .map(
        ({ header, expected, guess }) =>
          `${JSON.stringify(header)}: expected ${expected}, got ${guess.key} (${guess.confidence}${guess.candidates ? ` ${guess.candidates.join('/')}` : ''})`,
      );
    expect(wrong).toEqual([]);
  });
});
