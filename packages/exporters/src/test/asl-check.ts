/**
 * Test support: the Step Functions rules that can be checked offline on an ASL definition
 * (parsed JSON). Used by the tests, and by the local stand-in for the one Step Functions API the
 * AWS provider calls during `terraform plan` (ValidateStateMachineDefinition).
 */

type Json = unknown;
type States = Record<string, Record<string, Json>>;

const TYPES = new Set(['Task', 'Choice', 'Pass', 'Wait', 'Parallel', 'Map', 'Succeed', 'Fail']);
const COMPARISONS =
  /^(And|Or|Not|IsPresent|IsNull|IsBoolean|IsNumeric|IsString|IsTimestamp|(Boolean|String|Numeric|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals|Matches)(Path)?)$/;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Problems of a state machine (or branch) definition; empty when valid. */
export function checkAsl(def: Json, where = ''): string[] {
  const problems: string[] = [];
  const at = (m: string) => problems.push(where ? `${where}: ${m}` : m);
  if (!isObject(def) || !isObject(def.States)) return [`${where || 'definition'}: no States object`];
  const states = def.States as States;
  const names = Object.keys(states);
  if (typeof def.StartAt !== 'string' || !(def.StartAt in states))
    at(`StartAt ${String(def.StartAt)} is not a state`);
  const targets = (name: string, s: Record<string, Json>): string[] => {
    const out: string[] = [];
    if (typeof s.Next === 'string') out.push(s.Next);
    if (typeof s.Default === 'string') out.push(s.Default);
    if (Array.isArray(s.Choices))
      for (const c of s.Choices) if (isObject(c) && typeof c.Next === 'string') out.push(c.Next);
    if (Array.isArray(s.Catch))
      for (const c of s.Catch) if (isObject(c) && typeof c.Next === 'string') out.push(c.Next);
    for (const t of out) if (!(t in states)) at(`state ${name} goes to ${t}, which does not exist`);
    return out;
  };
  let terminal = false;
  for (const name of names) {
    const s = states[name];
    if (!isObject(s) || typeof s.Type !== 'string' || !TYPES.has(s.Type)) {
      at(`state ${name} has no valid Type`);
      continue;
    }
    const flows = ['Task', 'Pass', 'Wait', 'Parallel', 'Map'].includes(s.Type);
    if (flows && (s.Next === undefined) === (s.End !== true))
      at(`${s.Type} state ${name} needs exactly one of Next or End`);
    if (!flows && (s.Next !== undefined || s.End !== undefined))
      at(`${s.Type} state ${name} cannot have Next or End`);
    if (s.End === true || s.Type === 'Succeed' || s.Type === 'Fail') terminal = true;
    if (s.Type === 'Task' && typeof s.Resource !== 'string') at(`Task state ${name} has no Resource`);
    if (s.Type === 'Wait' && !['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'].some((k) => k in s)) {
      at(`Wait state ${name} says nothing about how long`);
    }
    if (s.Type === 'Choice') {
      if (!Array.isArray(s.Choices) || s.Choices.length === 0) at(`Choice state ${name} has no Choices`);
      else {
        for (const c of s.Choices) {
          if (
            !isObject(c) ||
            typeof c.Next !== 'string' ||
            !Object.keys(c).some((k) => COMPARISONS.test(k))
          ) {
            at(`a rule of Choice state ${name} lacks a comparison or a Next`);
          }
        }
      }
      if ('Resource' in s) at(`Choice state ${name} cannot have a Resource`);
    }
    if (s.Type === 'Parallel') {
      if (!Array.isArray(s.Branches) || s.Branches.length === 0) at(`Parallel state ${name} has no Branches`);
      else {
        s.Branches.forEach((b, i) => {
          problems.push(...checkAsl(b, `${name}.Branches[${i}]`));
        });
      }
    }
    if (s.Type === 'Map') problems.push(...checkAsl(s.ItemProcessor ?? s.Iterator, `${name}.ItemProcessor`));
    targets(name, s);
  }
  if (!terminal) at('no state ends the execution');
  // Every state must be reachable from StartAt.
  const reached = new Set<string>();
  const queue = typeof def.StartAt === 'string' ? [def.StartAt] : [];
  for (let n = queue.pop(); n !== undefined; n = queue.pop()) {
    if (reached.has(n) || !isObject(states[n])) continue;
    reached.add(n);
    queue.push(...targets(n, states[n] as Record<string, Json>).filter((t) => t in states));
  }
  for (const n of names) if (!reached.has(n)) at(`state ${n} cannot be reached from StartAt`);
  return [...new Set(problems)];
}
