import { describe, expect, it } from 'vitest';
import { visibleControls } from './CaText';

describe('visibleControls', () => {
  it('shows control and direction characters as escapes, leaves other text alone', () => {
    expect(visibleControls('Contoso Root CA')).toBe('Contoso Root CA');
    expect(visibleControls('evil\u202eAC tooR')).toBe('evil\\u202eAC tooR');
    expect(visibleControls('a\nb\u0000c\u200fd\u2066e')).toBe('a\\u000ab\\u0000c\\u200fd\\u2066e');
    expect(visibleControls('Zürich Ω 東京')).toBe('Zürich Ω 東京');
  });
});
