/** IPv4 CIDR arithmetic for laying out subnets inside a VPC range (no I/O, no dependencies). */

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

/** Parses `10.0.1.0/24`; host bits are cleared. Undefined for anything else. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  return { base: mask(addr, prefix), prefix };
}

function mask(addr: number, prefix: number): number {
  if (prefix === 0) return 0;
  const size = 2 ** (32 - prefix);
  return Math.floor(addr / size) * size;
}

export function formatCidr(c: Cidr): string {
  const o = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
  return `${o.join('.')}/${c.prefix}`;
}

/** Terraform's `cidrsubnet(prefix, newbits, netnum)`, computed ahead of time. */
export function subnetOf(c: Cidr, newbits: number, netnum: number): Cidr | undefined {
  const prefix = c.prefix + newbits;
  if (prefix > 32 || netnum < 0 || netnum >= 2 ** newbits) return undefined;
  return { base: c.base + netnum * 2 ** (32 - prefix), prefix };
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const aEnd = a.base + 2 ** (32 - a.prefix);
  const bEnd = b.base + 2 ** (32 - b.prefix);
  return a.base < bEnd && b.base < aEnd;
}
