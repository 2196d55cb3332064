import { describe, expect, it } from 'vitest';
import { formatCidr, overlaps, parseCidr, subnetOf } from './cidr';

describe('CIDR arithmetic', () => {
  it('parses, clears host bits and formats', () => {
    expect(formatCidr(parseCidr('10.0.1.7/24') as NonNullable<ReturnType<typeof parseCidr>>)).toBe(
      '10.0.1.0/24',
    );
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('300.0.0.0/16')).toBeUndefined();
    expect(parseCidr('not a range')).toBeUndefined();
  });

  it('computes subnets like cidrsubnet()', () => {
    const vpc = parseCidr('10.0.0.0/16') as NonNullable<ReturnType<typeof parseCidr>>;
    expect(formatCidr(subnetOf(vpc, 8, 255) as typeof vpc)).toBe('10.0.255.0/24');
    expect(formatCidr(subnetOf(vpc, 1, 1) as typeof vpc)).toBe('10.0.128.0/17');
    expect(subnetOf(vpc, 8, 256)).toBeUndefined();
    expect(subnetOf(vpc, 17, 0)).toBeUndefined();
  });

  it('detects overlapping ranges', () => {
    const a = parseCidr('10.0.0.0/24') as NonNullable<ReturnType<typeof parseCidr>>;
    expect(overlaps(a, parseCidr('10.0.0.128/25') as typeof a)).toBe(true);
    expect(overlaps(a, parseCidr('10.0.1.0/24') as typeof a)).toBe(false);
    expect(overlaps(parseCidr('10.0.0.0/16') as typeof a, a)).toBe(true);
  });
});
