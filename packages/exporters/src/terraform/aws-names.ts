import { Raw, wellFormed } from './hcl';

/**
 * AWS naming rules of the resources the exporter names, as data. Every generated name is
 * `${var.name_prefix}-<suffix>`: the prefix variable is validated (lower-case letters, digits and
 * single hyphens, at most PREFIX_MAX characters), and the suffix is derived from node ids so that
 * it fits each service's character set and length limit, and stays unique.
 */
interface NameRule {
  /** Characters a name may contain; every other character becomes `-`. */
  readonly allowed: RegExp;
  /** Maximum length of the whole name (prefix, hyphen, suffix and any fixed ending). */
  readonly max: number;
  readonly lower?: boolean;
}

/** Longest `name_prefix` the variable's validation accepts. */
export const PREFIX_MAX = 16;

const ALNUM_DASH = /[A-Za-z0-9-]/;
const ALNUM_DASH_UNDERSCORE = /[A-Za-z0-9_-]/;
const LOWER_DASH = /[a-z0-9-]/;

export const NAME_RULES = {
  sqs: { allowed: ALNUM_DASH_UNDERSCORE, max: 75 }, // 80 with ".fifo"
  sns: { allowed: ALNUM_DASH_UNDERSCORE, max: 251 },
  lambda: { allowed: ALNUM_DASH_UNDERSCORE, max: 64 },
  iamRole: { allowed: /[A-Za-z0-9_+=,.@-]/, max: 64 },
  rds: { allowed: LOWER_DASH, max: 63, lower: true },
  subnetGroup: { allowed: LOWER_DASH, max: 255, lower: true },
  elb: { allowed: ALNUM_DASH, max: 32 },
  ecs: { allowed: ALNUM_DASH_UNDERSCORE, max: 255 },
  elasticache: { allowed: LOWER_DASH, max: 40, lower: true },
  dynamodb: { allowed: /[A-Za-z0-9_.-]/, max: 255 },
  kinesis: { allowed: /[A-Za-z0-9_.-]/, max: 128 },
  msk: { allowed: ALNUM_DASH, max: 64 },
  eventBus: { allowed: /[A-Za-z0-9_.-]/, max: 256 },
  eventRule: { allowed: /[A-Za-z0-9_.-]/, max: 64 },
  sfn: { allowed: ALNUM_DASH_UNDERSCORE, max: 80 },
  s3Prefix: { allowed: LOWER_DASH, max: 36, lower: true }, // bucket_prefix allows 37 with the trailing "-"
  docdb: { allowed: LOWER_DASH, max: 63, lower: true },
  opensearch: { allowed: LOWER_DASH, max: 28, lower: true },
  eks: { allowed: ALNUM_DASH_UNDERSCORE, max: 100 },
  eksNodeGroup: { allowed: ALNUM_DASH_UNDERSCORE, max: 63 },
  cognito: { allowed: /[A-Za-z0-9_+=,.@-]/, max: 128 },
  secret: { allowed: /[A-Za-z0-9/_+=.@-]/, max: 500 },
  waf: { allowed: ALNUM_DASH_UNDERSCORE, max: 128 },
  launchTemplate: { allowed: /[A-Za-z0-9()./_-]/, max: 128 },
  asg: { allowed: ALNUM_DASH_UNDERSCORE, max: 255 },
  logGroup: { allowed: /[A-Za-z0-9._/#-]/, max: 512 },
  securityGroup: { allowed: ALNUM_DASH_UNDERSCORE, max: 255 },
  apigw: { allowed: ALNUM_DASH_UNDERSCORE, max: 128 },
  sesConfigSet: { allowed: ALNUM_DASH_UNDERSCORE, max: 64 },
  cloudMap: { allowed: LOWER_DASH, max: 63, lower: true },
  alarm: { allowed: ALNUM_DASH_UNDERSCORE, max: 255 },
  oac: { allowed: ALNUM_DASH_UNDERSCORE, max: 64 },
  wafMetric: { allowed: ALNUM_DASH_UNDERSCORE, max: 128 },
  instanceProfile: { allowed: /[A-Za-z0-9_+=,.@-]/, max: 128 },
} as const satisfies Record<string, NameRule>;

export type NameFamily = keyof typeof NAME_RULES;

/** FNV-1a: a short, stable hash so that truncated names stay distinct. */
export function shortHash(s: string, length = 5): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0').slice(-length);
}

/** Whole-string versions of each rule's character class, to skip the per-character pass. */
const CLEAN = new Map<NameRule, RegExp>();

function sanitize(rule: NameRule, base: string): string {
  let s = rule.lower ? base.toLowerCase() : base;
  let clean = CLEAN.get(rule);
  if (!clean) {
    clean = new RegExp(`^(?!-)(?:${rule.allowed.source})+$`);
    CLEAN.set(rule, clean);
  }
  if (clean.test(s) && !s.includes('--') && !s.endsWith('-')) return s;
  let out = '';
  for (const ch of s) out += rule.allowed.test(ch) ? ch : '-';
  s = out.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return s;
}

/** Hands out AWS names that follow each service's rules and never repeat within a family. */
export class AwsNames {
  private readonly used = new Map<NameFamily, Set<string>>();
  private readonly byKey = new Map<NameFamily, Map<string, string>>();
  readonly prefix = new Raw('var.name_prefix');

  /** The suffix for `base` (e.g. a node id, or `orders-task`) in `family`; stable per (family, key). */
  suffix(family: NameFamily, base: string, key: string = base): string {
    let memo = this.byKey.get(family);
    if (!memo) {
      memo = new Map();
      this.byKey.set(family, memo);
    }
    const known = memo.get(key);
    if (known !== undefined) return known;
    const rule: NameRule = NAME_RULES[family];
    const budget = rule.max - PREFIX_MAX - 1;
    let s = sanitize(rule, base) || 'x';
    if (s.length > budget) s = `${s.slice(0, budget - 6).replace(/-+$/, '')}-${shortHash(key)}`;
    let set = this.used.get(family);
    if (!set) {
      set = new Set();
      this.used.set(family, set);
    }
    if (set.has(s)) {
      const stem = s.slice(0, budget - 6).replace(/-+$/, '');
      s = `${stem}-${shortHash(key)}`;
      for (let n = 2; set.has(s); n++) s = `${stem}-${shortHash(`${key}#${n}`)}`;
    }
    set.add(s);
    memo.set(key, s);
    return s;
  }

  /**
   * `"${var.name_prefix}-<suffix><ending>"` as HCL. Kept as ready text: suffixes and endings only
   * hold characters of the name rules (no quote, backslash, `$` or `%`), so nothing needs escaping.
   */
  name(family: NameFamily, base: string, ending = '', key: string = base): Raw {
    return new Raw(`"\${var.name_prefix}-${this.suffix(family, base, key)}${ending}"`);
  }
}

/** A default `name_prefix` from the design's name: `Orders platform` -> `orders-platform`. */
export function defaultPrefix(docName: string): string {
  let s = docName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '');
  if (!/^[a-z]/.test(s)) s = s ? `sd-${s}` : '';
  s = s.slice(0, PREFIX_MAX).replace(/-+$/, '');
  return s || 'stackdraft';
}

/** The validation `name_prefix` gets, so that every derived name stays within its service's rules. */
export const PREFIX_PATTERN = `^[a-z]([a-z0-9-]{0,${PREFIX_MAX - 2}}[a-z0-9])?$`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const CONTROL_OR_SURROGATE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** UTF-8 length of `s` without encoding it (AWS limits count bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * User text for a free-text AWS argument (descriptions, comments): one line, no control
 * characters, well-formed, and at most `maxBytes` UTF-8 bytes (AWS counts bytes), cut between
 * characters. HCL escaping happens later, in the printer.
 */
export function freeText(s: string, maxBytes: number): string {
  const clean = CONTROL_OR_SURROGATE.test(s) ? wellFormed(s).replace(CONTROL_RUNS, ' ').trim() : s.trim();
  if (clean.length * 3 <= maxBytes || utf8Length(clean) <= maxBytes) return clean;
  let out = '';
  let bytes = 0;
  for (const ch of clean) {
    const n = utf8Length(ch);
    if (bytes + n > maxBytes) break;
    out += ch;
    bytes += n;
  }
  return out.trim();
}

/**
 * User text for a tag value: the characters every AWS service accepts in tags (letters, digits,
 * spaces and `_ . : / = + - @`), at most 256 characters.
 */
export function tagText(s: string): string {
  if (/^[A-Za-z0-9_.:/=+\-@]+( [A-Za-z0-9_.:/=+\-@]+)*$/.test(s) && s.length <= 256) return s;
  if (/^[\x20-\x7e]*$/.test(s)) {
    return s
      .replace(/[^A-Za-z0-9_.:/=+\-@]+/g, ' ')
      .trim()
      .slice(0, 256)
      .trim();
  }
  return Array.from(
    wellFormed(s)
      .replace(/[^\p{L}\p{N}\p{Zs}_.:/=+\-@]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .slice(0, 256)
    .join('')
    .trim();
}
