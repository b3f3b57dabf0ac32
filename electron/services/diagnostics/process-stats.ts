/**
 * Samples of this process's health for a long run (`npm run soak`): memory (RSS and the V8
 * heap apart), the active handles by type, the event-loop delay since the previous sample, and
 * gauges other modules register (event-bus listeners, WebSocket clients...). Each of them
 * must stay flat over a shift; one that keeps growing is a leak.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { ProcessSample } from '../../../shared/schemas/diagnostics';

export class ProcessStats {
  private readonly gauges = new Map<string, () => number>();
  private readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.delay.enable();
    this.gauge('process listeners', () =>
      process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0),
    );
  }

  /** Reports `read()` under `name` in every sample. */
  gauge(name: string, read: () => number): void {
    this.gauges.set(name, read);
  }

  /** One sample; the event-loop delay histogram starts again after it. */
  sample(): ProcessSample {
    const memory = process.memoryUsage();
    const handles: Record<string, number> = {};
    for (const type of process.getActiveResourcesInfo()) handles[type] = (handles[type] ?? 0) + 1;
    const gauges: Record<string, number> = {};
    for (const [name, read] of this.gauges) gauges[name] = read();
    const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
    const eventLoopDelay = {
      p50: ms(this.delay.percentile(50)),
      p99: ms(this.delay.percentile(99)),
      max: ms(this.delay.max),
    };
    this.delay.reset();
    return {
      at: Date.now(),
      uptimeSeconds: process.uptime(),
      memory: {
        rss: memory.rss,
        heapTotal: memory.heapTotal,
        heapUsed: memory.heapUsed,
        external: memory.external,
        arrayBuffers: memory.arrayBuffers,
      },
      handles,
      gauges,
      eventLoopDelay,
    };
  }

  close(): void {
    this.delay.disable();
  }
}
