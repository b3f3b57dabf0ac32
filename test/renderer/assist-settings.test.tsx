/**
 * Settings → Assist: the checks its fields run, what it says about the keychain and the
 * endpoint, the secrets actions of the store, and the section as rendered for each host
 * (HTML only: the interactive path is test/e2e/assist-settings.spec.ts).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { endpointReach } from '../../shared/assist/endpoint-host';
import { fail, ok } from '../../shared/result';
import type { SecretStatus } from '../../shared/schemas/secrets';
import { defaultSettings } from '../../shared/schemas/settings';
import { apiKeyStatusText } from '../../renderer/src/containers/settings/api-key-field';
import { AssistSection } from '../../renderer/src/containers/settings/assist-section';
import {
  idleTimeoutLimits,
  modelNameProblem,
  wholeNumberProblem,
} from '../../renderer/src/containers/settings/assist-limits';
import { reachText } from '../../renderer/src/containers/settings/endpoint-reach-line';
import { createInloopStore, type InloopStore } from '../../renderer/src/state/store';
import { StoreProvider } from '../../renderer/src/state/use-inloop';
import { createFakeApi, webAppInfo, type FakeApi } from './fake-api';

let fake: FakeApi;
let store: InloopStore;

beforeEach(() => {
  fake = createFakeApi();
  store = createInloopStore(fake.api);
});

describe('field checks', () => {
  it('takes the idle timeout bounds from the settings schema', () => {
    expect(idleTimeoutLimits).toEqual({ min: 1, max: 240 });
    expect(wholeNumberProblem('15', idleTimeoutLimits, 'minutes')).toBeNull();
    expect(wholeNumberProblem('240', idleTimeoutLimits, 'minutes')).toBeNull();
    expect(wholeNumberProblem('241', idleTimeoutLimits, 'minutes')).toBe(
      '241 is outside the range: from 1 to 240 minutes.',
    );
    expect(wholeNumberProblem('0', idleTimeoutLimits, 'minutes')).toMatch(/outside the range/);
    expect(wholeNumberProblem('2.5', idleTimeoutLimits, 'minutes')).toBe(
      'Enter a whole number from 1 to 240 minutes.',
    );
    expect(wholeNumberProblem('', idleTimeoutLimits, 'minutes')).toMatch(/whole number/);
  });

  it('wants a model name the schema can keep', () => {
    expect(modelNameProblem('llama3.2')).toBeNull();
    expect(modelNameProblem('  ')).toMatch(/Enter the model's name/);
    expect(modelNameProblem('m'.repeat(201))).toMatch(/at most 200/);
  });
});

describe('what the section says', () => {
  it('tells whether the key is stored, never what it is', () => {
    const status = (stored: SecretStatus['stored']): SecretStatus => ({
      available: true,
      backend: 'keytar (libsecret)',
      stored,
    });
    expect(apiKeyStatusText(status(['llm-api-key']))).toBe('Stored in the keychain.');
    expect(apiKeyStatusText(status(['ingest-token']))).toBe('Not set.');
    expect(apiKeyStatusText(null)).toBe('Checking the keychain…');
  });

  it('names the keychain that is missing and what to do', () => {
    const text = apiKeyStatusText({ available: false, backend: 'keytar (libsecret)', stored: [] });
    expect(text).toContain('The OS keychain (keytar (libsecret)) is not available here');
    expect(text).toContain('inloop doctor');
  });

  it('says where the conversation goes for each kind of endpoint', () => {
    expect(reachText(endpointReach('http://127.0.0.1:11434/v1', []))).toBe(
      '127.0.0.1 is this computer: the conversation stays on the device.',
    );
    expect(reachText(endpointReach('https://llm.example.com/v1', ['llm.example.com']))).toMatch(
      /^llm\.example\.com is another computer, allowed .* redacted\.$/,
    );
    expect(reachText(endpointReach('https://llm.example.com/v1', []))).toMatch(
      /sends it nothing and no reply is generated/,
    );
  });
});

describe('secrets in the store', () => {
  const stored: SecretStatus = { available: true, backend: 'test', stored: ['llm-api-key'] };

  it('sends the key to secrets:set and keeps only the status that comes back', async () => {
    fake.handle('secrets:set', () => ok(stored));
    const result = await store.getState().storeSecret('llm-api-key', 'sk-test-123');
    expect(fake.calls).toEqual([
      { channel: 'secrets:set', payload: { name: 'llm-api-key', value: 'sk-test-123' } },
    ]);
    expect(result.ok).toBe(true);
    expect(store.getState().secrets).toEqual(stored);
    expect(JSON.stringify(store.getState().secrets)).not.toContain('sk-test-123');
  });

  it('keeps the last status when the keychain refuses, and hands the message back', async () => {
    fake.handle('secrets:status', () => ok(stored));
    await store.getState().loadSecrets();
    fake.handle('secrets:delete', () => fail('unavailable', 'The OS keychain is not available.'));
    const result = await store.getState().removeSecret('llm-api-key');
    expect(result).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'The OS keychain is not available.' },
    });
    expect(store.getState().secrets).toEqual(stored);
    expect(store.getState().notices).toEqual([]);
  });
});

describe('the Assist section', () => {
  // A server render reads the store's initial state; hand it the state the test set up.
  const render = () =>
    renderToStaticMarkup(
      <StoreProvider store={{ ...store, getInitialState: store.getState }}>
        <AssistSection />
      </StoreProvider>,
    );
  const clipboardSwitch = (html: string) => /<input[^>]*id="clipboard-watch"[^>]*>/.exec(html)?.[0];

  it('turns the clipboard watch off in a browser tab and says why', () => {
    store.getState().setAppInfo(webAppInfo);
    store.getState().applySettings(defaultSettings);
    const html = render();
    expect(clipboardSwitch(html)).toContain('disabled');
    expect(html).toContain('A browser cannot watch the clipboard');
  });

  it('offers the clipboard watch in the desktop app', () => {
    store.getState().setAppInfo({ ...webAppInfo, host: 'electron' });
    store.getState().applySettings(defaultSettings);
    const html = render();
    expect(clipboardSwitch(html)).not.toContain('disabled');
    expect(html).not.toContain('A browser cannot watch the clipboard');
  });

  it('shows the saved endpoint and offers to allow a host that would get nothing', () => {
    store.getState().setAppInfo(webAppInfo);
    store.getState().applySettings({
      ...defaultSettings,
      assist: { ...defaultSettings.assist, generationEndpoint: 'https://llm.example.com/v1' },
    });
    const html = render();
    expect(html).toContain('value="https://llm.example.com/v1"');
    expect(html).toContain('Allow llm.example.com');
    expect(html).toContain('value="15"');
  });
});
