import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SecretStatusSchema } from '../../../../shared/schemas/secrets';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';
import { secretNamesIn } from '../../../../electron/services/secrets/secret-store';
import { secretStatus } from '../../../../electron/services/secrets/secret-status';

describe('secretNamesIn', () => {
  it('keeps secret names once each, in the contract order, and drops other accounts', () => {
    expect(
      secretNamesIn(['helpdesk-token', 'someone', 'llm-api-key', 'helpdesk-token', 'LLM-API-KEY']),
    ).toEqual(['llm-api-key', 'helpdesk-token']);
  });
});

describe('secretStatus', () => {
  it('says which names hold a value, never the values', async () => {
    const store = createMemorySecretStore();
    await store.set('ingest-token', 'tok-very-secret');
    await store.set('llm-api-key', 'sk-very-secret');
    const status = await secretStatus(store);
    expect(status).toEqual({
      available: true,
      backend: 'memory (test double)',
      stored: ['llm-api-key', 'ingest-token'],
    });
    expect(SecretStatusSchema.parse(status)).toEqual(status);
    expect(JSON.stringify(status)).not.toMatch(/very-secret/);
  });

  it('does not ask an unavailable store for names', async () => {
    const store = createMemorySecretStore({ available: false, backend: 'keytar (libsecret)' });
    const list = vi.spyOn(store, 'list');
    expect(await secretStatus(store)).toEqual({
      available: false,
      backend: 'keytar (libsecret)',
      stored: [],
    });
    expect(list).not.toHaveBeenCalled();
  });
});

describe('memory secret store (test double)', () => {
  it('behaves like the keychain store: set, get, delete, list', async () => {
    const store = createMemorySecretStore();
    expect(await store.get('llm-api-key')).toBeNull();
    await store.set('llm-api-key', 'a');
    await store.set('llm-api-key', 'b');
    expect(await store.get('llm-api-key')).toBe('b');
    expect(await store.delete('llm-api-key')).toBe(true);
    expect(await store.delete('llm-api-key')).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('fails with unavailable when told the keychain is missing', async () => {
    const store = createMemorySecretStore({ available: false });
    expect(await store.availability?.()).toEqual({ available: false, reason: expect.any(String) });
    await expect(store.set('llm-api-key', 'x')).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('the memory store stays a test double', () => {
  it('is imported by no code under electron/', async () => {
    const root = join(import.meta.dirname, '../../../../electron');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const importers: string[] = [];
    for (const file of files) {
      if (file.endsWith('memory-secret-store.ts')) continue;
      if ((await readFile(join(root, file), 'utf8')).includes('memory-secret-store')) {
        importers.push(file);
      }
    }
    expect(files.length).toBeGreaterThan(10);
    expect(importers).toEqual([]);
  });
});
