import { describe, expect, it } from 'vitest';
import { ShareError } from '../../share/api';
import { commentErrorText, timeAgo } from './comment-text';

describe('comment error text', () => {
  it('says who may resolve when a resolve is refused, and why a comment on an unsaved node fails', () => {
    const forbidden = new ShareError('forbidden', 'edit link', { status: 403, code: 'invalid-token' });
    expect(commentErrorText(forbidden, 'resolve')).toMatch(/author or someone with the edit link/);
    const unknown = new ShareError('refused', 'No node "x".', { status: 422, code: 'unknown-target' });
    expect(commentErrorText(unknown, 'add')).toMatch(/not in the saved version yet/);
    expect(commentErrorText(new ShareError('network', 'offline?'), 'load')).toBe('offline?');
  });
});

describe('timeAgo', () => {
  const now = Date.parse('2026-11-22T12:00:00.000Z');
  it('reads minutes and hours, and never a negative time', () => {
    expect(timeAgo('2026-11-22T11:59:30.000Z', now)).toBe('just now');
    expect(timeAgo('2026-11-22T11:45:00.000Z', now)).toBe('15 min ago');
    expect(timeAgo('2026-11-22T09:00:00.000Z', now)).toBe('3 h ago');
    expect(timeAgo('2026-11-22T12:05:00.000Z', now)).toBe('just now');
    expect(timeAgo('not a date', now)).toBe('');
  });
});
