import { type ConfigField, configFields, getKind } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, fieldDetail } from './design-language';

describe('fieldDetail', () => {
  it('shows type, unit and default of a catalog field', () => {
    const memory = configFields(getKind('function')).find((f) => f.key === 'memoryMb');
    expect(memory).toBeDefined();
    const detail = fieldDetail(memory as ConfigField);
    expect(detail).toMatch(/^integer|^number/);
    expect(detail).toContain(String(memory?.unit));
    expect(detail).toContain(`default ${JSON.stringify(memory?.default)}`);
  });

  it('lists enum values and marks optional fields', () => {
    const f: ConfigField = {
      key: 'engine',
      type: 'enum',
      description: 'engine',
      enum: ['postgres', 'mysql'],
      optional: true,
      usage: false,
    };
    expect(fieldDetail(f)).toBe('postgres | mysql · optional');
  });
});

describe('escapeMarkdown', () => {
  it('shows user text literally in hover cards', () => {
    expect(escapeMarkdown('**Orders** [api](x) <b>')).toBe('\\*\\*Orders\\*\\* \\[api\\]\\(x\\) \\<b\\>');
  });
});
