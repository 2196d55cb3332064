import { z } from 'zod';
import type { Unit } from './types';

/**
 * Small builders for config fields so that every field of every kind carries the same metadata
 * (description, unit, default), which the inspector form and the code view's completion read back
 * through `configFields()`.
 */
interface Common {
  description: string;
  unit?: Unit;
}

export function num(
  o: Common & { default: number; min?: number; max?: number; int?: boolean },
): z.ZodDefault<z.ZodNumber> {
  let s = o.int ? z.number().int() : z.number();
  s = s.min(o.min ?? 0);
  if (o.max !== undefined) s = s.max(o.max);
  return s.default(o.default).meta({ description: o.description, ...(o.unit ? { unit: o.unit } : {}) });
}

/** A usage volume nobody has to state: absent means "derive it from traffic, or assume a default". */
export function volume(o: Common): z.ZodOptional<z.ZodNumber> {
  return z
    .number()
    .min(0)
    .optional()
    .meta({ description: o.description, usage: true, ...(o.unit ? { unit: o.unit } : {}) });
}

export function bool(o: Common & { default: boolean }): z.ZodDefault<z.ZodBoolean> {
  return z.boolean().default(o.default).meta({ description: o.description });
}

export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  o: Common & { default: T[number] },
): z.ZodDefault<z.ZodEnum<{ [K in T[number]]: K }>> {
  return z
    .enum(values)
    .default(o.default as never)
    .meta({ description: o.description }) as never;
}

export function text(
  o: Common & { default: string; pattern?: RegExp; patternHint?: string; max?: number },
): z.ZodDefault<z.ZodString> {
  let s = z
    .string()
    .min(1)
    .max(o.max ?? 200);
  if (o.pattern) s = s.regex(o.pattern, o.patternHint ?? `must match ${o.pattern}`);
  return s.default(o.default).meta({ description: o.description });
}
