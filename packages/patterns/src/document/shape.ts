import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as unknown as Def;
    if (
      (def.type === 'optional' ||
        def.type === 'default' ||
        def.type === 'nullable' ||
        def.type === 'prefault') &&
      def.innerType
    ) {
      s = def.innerType;
    } else return s;
  }
}

/** The keys an object schema knows at `path` inside `schema` (for "did you mean" on unknown keys). */
export function shapeKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): readonly string[] | undefined {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!s) return undefined;
    const def = s._zod.def as unknown as Def;
    if (def.type === 'array' && typeof seg === 'number') s = def.element;
    else if (def.type === 'object' && def.shape && typeof seg === 'string') s = def.shape[seg];
    else if (def.type === 'record' && typeof seg === 'string') s = def.valueType;
    else return undefined;
    if (s) s = unwrap(s);
  }
  if (!s) return undefined;
  const def = s._zod.def as unknown as Def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}
