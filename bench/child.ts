/**
 * Benchmarks that measure memory run each measurement in a fresh Node process (a process's
 * RSS never shrinks back to what a fresh one holds): `runChild(script, input)` starts
 * `node --expose-gc --import tsx <script> <input as JSON>` and resolves with the JSON the
 * child prints on its last `@@result` line (`reportResult`). The child's stderr is passed on,
 * and so is the rest of its stdout. A `.js` script (a bundle, see bench/memory/bundle.ts) runs
 * as plain Node, without tsx. `INLOOP_BENCH_NODE_FLAGS` adds Node flags to every child
 * (`--trace-gc` to see where a latency tail comes from).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const RESULT = '@@result ';

export async function runChild<T>(
  script: string,
  input: unknown,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<T> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const loader = script.endsWith('.ts') ? ['--import', tsx] : [];
  const flags = (process.env.INLOOP_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    ['--expose-gc', ...flags, ...loader, script, JSON.stringify(input)],
    { stdio: ['ignore', 'pipe', 'inherit'], env: options.env ?? process.env },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const timer = options.timeoutMs
    ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    : undefined;
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  const lines = out.split('\n');
  const other = lines.filter((l) => l !== '' && !l.startsWith(RESULT));
  if (other.length > 0) process.stderr.write(`${other.join('\n')}\n`);
  const line = lines.findLast((l) => l.startsWith(RESULT));
  if (code !== 0 || !line) {
    throw new Error(`${script} ${JSON.stringify(input)} exited with ${code}: ${out.slice(-500)}`);
  }
  return JSON.parse(line.slice(RESULT.length)) as T;
}

/** The child's side: print the result for `runChild`. */
export function reportResult(result: unknown): void {
  process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
}

/** The input `runChild` passed. */
export function childInput<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('no input: this script is started by bench/child.ts runChild');
  return JSON.parse(raw) as T;
}

const MIB = 1024 * 1024;

/** This process's memory, in MiB, after a full GC when `--expose-gc` is on. */
export function memoryNow(): {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
  external: number;
} {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    rss: m.rss / MIB,
    heapUsed: m.heapUsed / MIB,
    arrayBuffers: m.arrayBuffers / MIB,
    external: m.external / MIB,
  };
}

/**
 * RSS in MiB of every descendant process of `pid` (a worker process such as the embedder),
 * read from /proc; 0 where /proc is not there.
 */
export function descendantsRss(pid: number = process.pid): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const parentOf = new Map<number, number>();
  for (const entry of entries) {
    try {
      // `pid (comm) state ppid ...`: comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const within = (p: number): boolean => {
    for (let q = parentOf.get(p); q !== undefined && q > 1; q = parentOf.get(q)) {
      if (q === pid) return true;
    }
    return false;
  };
  let kib = 0;
  for (const p of parentOf.keys()) {
    if (!within(p)) continue;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kib += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    } catch {
      // ended
    }
  }
  return kib / 1024;
}
