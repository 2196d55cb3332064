import * as jsyaml from 'js-yaml';
import { FAILSAFE_SCHEMA, type Schema, Type } from 'js-yaml';

// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const types = (jsyaml as unknown as { types: { null: Type; bool: Type } }).types;

/*
 * js-yaml's CORE_SCHEMA still reads YAML 1.1 number forms (`0b101`, `+0x1F`) as numbers and misses
 * `+.5`. The `yaml` library, which writes our files, follows YAML 1.2 core exactly; these two types
 * make js-yaml read scalars the same way, so what one writes the other reads back unchanged.
 */

const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const int = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && INT.test(data),
  construct: (data: string) =>
    data.startsWith('0o')
      ? Number.parseInt(data.slice(2), 8)
      : data.startsWith('0x')
        ? Number.parseInt(data.slice(2), 16)
        : Number.parseInt(data, 10),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
  represent: (v: object) => String(v),
});

const float = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && FLOAT.test(data) && !INT.test(data),
  construct: (data: string) => {
    const lower = data.toLowerCase();
    if (lower.endsWith('.nan')) return Number.NaN;
    if (lower.endsWith('.inf'))
      return data.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return Number.parseFloat(data);
  },
  predicate: (v: unknown) => typeof v === 'number' && !Number.isInteger(v),
  represent: (v: object) => String(v),
});

/** YAML 1.2 core schema for js-yaml: null, bool, int, float as the specification defines them. */
export const YAML12_CORE: Schema = FAILSAFE_SCHEMA.extend({ implicit: [types.null, types.bool, int, float] });
