/** The composition root as the web host wires it, on a temp data folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../../shared/contract';
import { DoctorReportSchema, ProcessSampleSchema } from '../../../shared/schemas/diagnostics';
import { defaultSettings } from '../../../shared/schemas/settings';
import { createServices, type ServiceOptions } from '../../../electron/app/create-services';
import { silentLogger } from '../../../electron/services/core/log';
import { createMemorySecretStore } from '../../../electron/services/secrets/memory-secret-store';
import { findAppRoot } from '../../../electron/services/core/app-root';

const repoRoot = findAppRoot();

let dataDir: string;
const opened: Array<{ close(): Promise<void> }> = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'inloop-services-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await rm(dataDir, { recursive: true, force: true });
});

async function open(overrides: Partial<ServiceOptions> = {}) {
  const services = await createServices({
    host: 'web',
    appVersion: '0.1.0-test',
    appRoot: repoRoot,
    dataDir,
    modelsDir: join(dataDir, 'models'),
    secretStore: createMemorySecretStore(),
    logger: silentLogger,
    ...overrides,
  });
  opened.push(services);
  return services;
}

describe('createServices (web host)', () => {
  it('persists a settings update that a fresh set of services on the same folder sees', async () => {
    const first = await open();
    const updated = await first.dispatch('settings:update', { appearance: { theme: 'dark' } });
    expect(updated).toMatchObject({ ok: true, value: { appearance: { theme: 'dark' } } });

    const second = await open();
    expect(await second.dispatch('settings:get', undefined)).toEqual({
      ok: true,
      value: { ...defaultSettings, appearance: { ...defaultSettings.appearance, theme: 'dark' } },
    });
  });

  it('answers an unknown channel with unknown_channel', async () => {
    const services = await open();
    expect(await services.dispatch('settings:nuke', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('answers a malformed payload with invalid_request naming the field, and changes nothing', async () => {
    const services = await open();
    const result = await services.dispatch('settings:update', { appearance: { fontScale: 'big' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/appearance\.fontScale/);
    expect(services.settings.get()).toEqual(defaultSettings);
  });

  it('pushes settings:changed to a bus subscriber', async () => {
    const services = await open();
    const seen: Array<[EventChannel, unknown]> = [];
    services.bus.subscribe((event, payload) => seen.push([event, payload]));
    await services.dispatch('settings:update', { overlay: { opacity: 0.75 } });
    const changed = seen.filter(([event]) => event === 'settings:changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]![1]).toMatchObject({ overlay: { opacity: 0.75 } });
  });

  it('refuses secrets:set with unavailable when there is no keychain', async () => {
    const services = await open({ secretStore: createMemorySecretStore({ available: false }) });
    const result = await services.dispatch('secrets:set', { name: 'llm-api-key', value: 'sk-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!result.ok && result.error.message).not.toContain('sk-1');
    expect(await services.dispatch('app:info', undefined)).toMatchObject({
      ok: true,
      value: { capabilities: { keychain: false } },
    });
  });

  it('stores a secret and reports its name, never its value', async () => {
    const secretStore = createMemorySecretStore();
    const services = await open({ secretStore });
    const result = await services.dispatch('secrets:set', { name: 'llm-api-key', value: 'sk-1' });
    expect(result).toEqual({
      ok: true,
      value: { available: true, backend: 'memory (test double)', stored: ['llm-api-key'] },
    });
    expect(await secretStore.get('llm-api-key')).toBe('sk-1');
    expect(await services.dispatch('secrets:delete', { name: 'llm-api-key' })).toMatchObject({
      ok: true,
      value: { stored: [] },
    });
  });

  it('describes itself as the web host', async () => {
    const services = await open();
    expect(await services.dispatch('app:info', undefined)).toMatchObject({
      ok: true,
      value: {
        name: 'Inloop',
        version: '0.1.0-test',
        host: 'web',
        platform: process.platform,
        capabilities: { overlayWindow: false, globalHotkeys: false, tray: false, keychain: true },
      },
    });
  });

  it('runs the doctor on its own folders', async () => {
    const services = await open();
    const result = await services.dispatch('diagnostics:doctor', undefined);
    if (!result.ok) throw new Error(result.error.message);
    const report = DoctorReportSchema.parse(result.value);
    expect(report.checks.find((c) => c.id === 'data-dir')).toMatchObject({
      verdict: 'ok',
      detail: `${dataDir} (writable)`,
    });
    expect(report.checks.find((c) => c.id === 'models-dir')?.detail).toContain(
      join(dataDir, 'models'),
    );
  });

  it('answers diagnostics:process-sample only when the host turns process diagnostics on', async () => {
    const plain = await open();
    const refused = await plain.dispatch('diagnostics:process-sample', undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refused.ok ? '' : refused.error.message).toContain('--diagnostics');
    await plain.close();

    const services = await open({ processDiagnostics: true });
    const listening = services.bus.subscribe(() => {});
    const result = await services.dispatch('diagnostics:process-sample', undefined);
    if (!result.ok) throw new Error(result.error.message);
    const sample = ProcessSampleSchema.parse(result.value);
    expect(sample.memory.rss).toBeGreaterThan(sample.memory.heapUsed);
    expect(sample.gauges['event-bus listeners']).toBeGreaterThanOrEqual(1);
    listening();
    const after = ProcessSampleSchema.parse(
      ((await services.dispatch('diagnostics:process-sample', undefined)) as { value: unknown })
        .value,
    );
    expect(after.gauges['event-bus listeners']).toBe(sample.gauges['event-bus listeners']! - 1);
    expect(after.eventLoopDelay.p99).toBeGreaterThanOrEqual(0);
  });
});
