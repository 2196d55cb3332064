/**
 * HTTP benchmark of the API (issue 7): load and save throughput and latency at 50 connections,
 * each beside a bare Express endpoint measured in the same run on the same server process, and
 * `/api/validate` of a 2,000-node design beside a bare echo of the same body. Prints JSON; exits
 * non-zero if any request failed.
 *
 * Each endpoint and its baseline are measured in alternating slices on the same server process.
 * Environment: BENCH_DURATION (seconds per endpoint, default 8), BENCH_CONNECTIONS (default 50).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon, { type Client, type Request } from 'autocannon';
import { largeDocument, typicalDocument } from './payloads';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
/** Each measurement is split into this many slices, alternating with its baseline's. */
const ROUNDS = 4;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** The 450 KB validate body needs fewer connections to keep the run about latency, not queueing. */
const VALIDATE_CONNECTIONS = 10;

/** One measured endpoint: autocannon options and what to call it. */
interface Spec {
  name: string;
  url: string;
  request?: Request;
  connections?: number;
  setupClient?: (c: Client) => void;
  /** Runs before each slice (e.g. to re-read versions a cut-off slice left behind). */
  prepare?: () => Promise<void>;
}

interface Slice {
  times: number[];
  statuses: Record<string, number>;
  bytes: number;
  requests: number;
  seconds: number;
  errors: number;
  non2xx: number;
}

interface Run {
  name: string;
  requestsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
  /** Responses by status code, to show what any failures were. */
  statuses: Record<string, number>;
  /** Mean response size: shows each run measured the response it meant to. */
  bytesPerResponse: number;
}

function startServer(): Promise<{ child: ChildProcess; api: string; bare: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"api"'));
      if (line) resolve({ child, ...(JSON.parse(line) as { api: string; bare: string }) });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number)
    : 0;
const round = (n: number) => Math.round(n * 100) / 100;

/** One autocannon slice; latencies are collected per response so p95 is exact, not bucketed. */
async function slice(spec: Spec, seconds: number): Promise<Slice> {
  await spec.prepare?.();
  const out: Slice = { times: [], statuses: {}, bytes: 0, requests: 0, seconds: 0, errors: 0, non2xx: 0 };
  // autocannon takes the path from the URL when no request list is given.
  const instance = autocannon({
    url: `${spec.url}${spec.request?.path ?? ''}`,
    connections: spec.connections ?? CONNECTIONS,
    duration: seconds,
    timeout: 30,
    ...spec.request,
    ...(spec.setupClient ? { setupClient: spec.setupClient } : {}),
  });
  instance.on('response', (_client, status, resBytes, ms) => {
    out.times.push(ms);
    out.bytes += resBytes;
    out.statuses[status] = (out.statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  out.requests = result.requests.total;
  out.seconds = result.duration;
  out.errors = result.errors + result.timeouts;
  out.non2xx = result.non2xx;
  return out;
}

function summarize(name: string, slices: Slice[]): Run {
  const times = slices.flatMap((s) => s.times).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of slices)
    for (const [k, v] of Object.entries(s.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const sum = (f: (s: Slice) => number) => slices.reduce((n, s) => n + f(s), 0);
  return {
    name,
    requestsPerSec: round(sum((s) => s.requests) / sum((s) => s.seconds)),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    errors: sum((s) => s.errors),
    non2xx: sum((s) => s.non2xx),
    requests: sum((s) => s.requests),
    statuses,
    bytesPerResponse: Math.round(sum((s) => s.bytes) / Math.max(1, times.length)),
  };
}

/**
 * Measures two endpoints in alternating slices (after a warm-up of each), so whatever else the
 * machine does in the meantime weighs on both alike.
 */
async function pair(a: Spec, b: Spec, minSliceSeconds = 1): Promise<[Run, Run]> {
  const seconds = Math.max(minSliceSeconds, DURATION / ROUNDS);
  await slice(a, minSliceSeconds);
  await slice(b, minSliceSeconds);
  const sa: Slice[] = [];
  const sb: Slice[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    sa.push(await slice(a, seconds));
    sb.push(await slice(b, seconds));
  }
  return [summarize(a.name, sa), summarize(b.name, sb)];
}

const json = { 'content-type': 'application/json' };

async function createDiagrams(api: string, count: number, body: string) {
  const out: { id: string; token: string; version: number }[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${api}/api/diagrams`, { method: 'POST', headers: json, body });
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
    const { id, editToken } = (await res.json()) as { id: string; editToken: string };
    out.push({ id, token: editToken, version: 1 });
  }
  return out;
}

/**
 * Reads each design's current version once the server has finished every save it received (a
 * slice that stops mid-request leaves saves queued on the server that the client never saw answered).
 */
async function syncVersions(api: string, list: { id: string; version: number }[]) {
  const read = async () => {
    for (const d of list)
      d.version = (
        (await (await fetch(`${api}/api/diagrams/${d.id}`)).json()) as { version: number }
      ).version;
    return list.map((d) => d.version).join();
  };
  for (let last = await read(); ; ) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await read();
    if (now === last) return;
    last = now;
  }
}

const server = await startServer();
try {
  const { api, bare } = server;
  const saveA = JSON.stringify({ document: typicalDocument('Bench design A') });
  const saveB = JSON.stringify({ document: typicalDocument('Bench design B') });
  const large = JSON.stringify({ document: largeDocument() });
  const readers = await createDiagrams(api, 50, saveA);
  const writers = await createDiagrams(api, CONNECTIONS, saveA);

  // Reads cycle through 50 stored designs; each connection saves its own design, so every save
  // carries the right If-Match (one writer per design) and alternates between two documents.
  let nextReader = 0;
  const readClient = (c: Client) => {
    const d = readers[nextReader++ % readers.length] as (typeof readers)[number];
    c.setRequests([{ method: 'GET', path: `/api/diagrams/${d.id}` }]);
  };
  let nextWriter = 0;
  let acknowledged = 0;
  const saveClient = (c: Client) => {
    const d = writers[nextWriter++ % writers.length] as (typeof writers)[number];
    c.setRequests([
      {
        method: 'PUT',
        setupRequest: (req) => ({
          ...req,
          path: `/api/diagrams/${d.id}`,
          headers: { ...json, authorization: `Bearer ${d.token}`, 'if-match': String(d.version) },
          body: d.version % 2 ? saveB : saveA,
        }),
        onResponse: (status, body) => {
          if (status === 200) {
            d.version = (JSON.parse(body) as { version: number }).version;
            acknowledged++;
          } else if (status === 409)
            d.version = (JSON.parse(body) as { currentVersion: number }).currentVersion;
        },
      },
    ]);
  };

  const readSpec: Spec = { name: 'load: GET /api/diagrams/:id', url: api, setupClient: readClient };
  const bareReadSpec: Spec = {
    name: 'bare Express: GET res.json of the same body',
    url: bare,
    request: { path: '/bare/read' },
  };
  const [apiRead, bareRead] = await pair(readSpec, bareReadSpec);

  const bareSaveSpec: Spec = {
    name: 'bare Express: POST echo of the same body',
    url: bare,
    request: { method: 'POST', path: '/bare/echo', headers: json, body: saveA },
  };
  await syncVersions(api, writers);
  const before = writers.reduce((n, d) => n + d.version, 0);
  acknowledged = 0;
  const saveSpec: Spec = {
    name: 'save: PUT /api/diagrams/:id (new version)',
    url: api,
    setupClient: saveClient,
    prepare: () => syncVersions(api, writers),
  };
  const [apiSave, bareSave] = await pair(saveSpec, bareSaveSpec);
  // Every acknowledged save must be a stored version (a run that measured something else fails here).
  const stored = writers.map((d) => ({ ...d }));
  await syncVersions(api, stored);
  const versionsAdded = stored.reduce((n, d) => n + d.version, 0) - before;
  const savesVerified = versionsAdded >= acknowledged && acknowledged > 0;
  const createSpec: Spec = {
    name: 'save: POST /api/diagrams (new design)',
    url: api,
    request: { method: 'POST', path: '/api/diagrams', headers: json, body: saveA },
  };
  const [apiCreate, bareSave2] = await pair(createSpec, {
    ...bareSaveSpec,
    name: `${bareSaveSpec.name} (beside create)`,
  });

  const big = { method: 'POST', headers: json, body: large };
  const [validate, bareEcho] = await pair(
    {
      name: 'POST /api/validate (2,000 nodes)',
      url: api,
      request: { ...big, path: '/api/validate' },
      connections: VALIDATE_CONNECTIONS,
    },
    {
      name: 'bare Express: POST echo of the 2,000-node body',
      url: bare,
      request: { ...big, path: '/bare/echo' },
      connections: VALIDATE_CONNECTIONS,
    },
    // Requests take hundreds of milliseconds here: slices long enough to finish many of them.
    3,
  );

  const runs = [bareRead, apiRead, bareSave, apiSave, apiCreate, bareSave2, bareEcho, validate];
  const throughput = (r: Run, base: Run, target?: number) => ({
    ...r,
    baseline: base.name,
    baselineRequestsPerSec: base.requestsPerSec,
    baselineP99Ms: base.p99Ms,
    ratio: round(r.requestsPerSec / base.requestsPerSec),
    ...(target === undefined
      ? {}
      : {
          target: `>= ${target}x the baseline's throughput`,
          withinTarget: r.requestsPerSec >= target * base.requestsPerSec,
        }),
  });
  const results = [
    throughput(apiRead, bareRead, 0.5),
    throughput(apiSave, bareSave),
    throughput(apiCreate, bareSave2),
    {
      ...validate,
      baseline: bareEcho.name,
      baselineP95Ms: bareEcho.p95Ms,
      baselineRequestsPerSec: bareEcho.requestsPerSec,
      ratio: round(validate.p95Ms / bareEcho.p95Ms),
      target: "p95 <= 4x the baseline's p95",
      withinTarget: validate.p95Ms <= 4 * bareEcho.p95Ms,
    },
  ];
  const failed = runs.reduce((n, r) => n + r.errors + r.non2xx, 0);
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: '@stackdraft/api over HTTP (autocannon, 127.0.0.1)',
        node: process.version,
        cpus: cpus().length,
        database: 'pglite',
        connections: CONNECTIONS,
        validateConnections: VALIDATE_CONNECTIONS,
        durationSeconds: DURATION,
        slices: ROUNDS,
        bodies: { saveBytes: saveA.length, validateBytes: large.length },
        failedRequests: failed,
        savesVerified,
        savesAcknowledged: acknowledged,
        versionsAdded,
        results,
      },
      null,
      2,
    )}\n`,
  );
  process.exitCode = failed > 0 || !savesVerified ? 1 : 0;
} finally {
  server.child.kill('SIGTERM');
}
