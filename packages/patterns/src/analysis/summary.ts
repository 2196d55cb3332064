import { MAX_ROUTES } from './routes';
import type { ClientPath, FailureAnalysis } from './types';

/** Paths named one by one per status before "and N more". */
const MAX_NAMED = 3;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const ACCESS = { read: 'reads', write: 'writes', readwrite: 'reads and writes' } as const;

/** "<path> breaks: <reason>" for the first few paths, then "2 more paths break." */
function named(paths: readonly ClientPath[], verb: { one: string; many: string }): string[] {
  const out = paths
    .slice(0, MAX_NAMED)
    .map((p) => `${p.description}${p.access ? ` (${ACCESS[p.access]})` : ''} ${verb.one}: ${p.reason}`);
  const more = paths.length - MAX_NAMED;
  if (more > 0) out.push(`${plural(more, `more path ${verb.one}`, `more paths ${verb.many}`)}.`);
  return out;
}

/**
 * The analysis as a short paragraph for meeting notes: what failed, how many nodes went down,
 * how many client paths keep working, degrade or break, and why for the ones that do not work.
 */
export function failureSummary(a: FailureAnalysis, described: readonly string[]): string {
  const out: string[] = [];
  const down = a.impacts.filter((i) => i.state === 'failed').length;
  const failover = a.impacts.length - down;
  if (described.length === 0) out.push('Nothing is marked as failed.');
  else {
    const also = failover > 0 ? ` and ${plural(failover, 'fails', 'fail')} over to a standby` : '';
    out.push(
      `If ${listing(described)} ${described.length === 1 ? 'fails' : 'fail'}, ${plural(down, 'node goes', 'nodes go')} down${also}.`,
    );
  }
  const { working, degraded, broken } = a.counts;
  const total = a.paths.length;
  if (total === 0) out.push('The design has no client-facing paths to check: add a client and connect it.');
  else if (working === total)
    out.push(total === 1 ? 'The client path keeps working.' : `All ${total} client paths keep working.`);
  else
    out.push(
      `Of ${plural(total, 'client path', 'client paths')}, ${working} ${working === 1 ? 'keeps' : 'keep'} working, ${degraded} ${degraded === 1 ? 'degrades' : 'degrade'} and ${broken} ${broken === 1 ? 'breaks' : 'break'}.`,
    );
  const rerouted = a.paths.filter((p) => p.status === 'working' && p.reason.startsWith('Served through'));
  if (rerouted.length > 0)
    out.push(
      `${plural(rerouted.length, 'path is', 'paths are')} served through another region by DNS routing.`,
    );
  const failing = (s: ClientPath['status']) => a.paths.filter((p) => p.status === s);
  out.push(...named(failing('broken'), { one: 'breaks', many: 'break' }));
  out.push(...named(failing('degraded'), { one: 'degrades', many: 'degrade' }));
  for (const r of a.atRisk) out.push(`At risk: ${r.reason}.`);
  if (a.unknown.length > 0) out.push(`Not found in the design: ${listing(a.unknown)}.`);
  if (a.truncated) out.push(`Only the first ${MAX_ROUTES} routes were followed.`);
  return out.join(' ');
}
