/**
 * The settings screen's endpoint checks: which URLs it refuses to save and why, and where it
 * says the conversation goes. The last block holds it to the engine's own rule
 * (electron/services/assist/generation/endpoint-policy.ts), so the screen never claims what the engine
 * does not do.
 */
import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../../electron/services/assist/generation/endpoint-policy';
import {
  endpointReach,
  endpointUrlProblem,
  isLoopbackHost,
} from '../../../shared/assist/endpoint-host';
import { defaultSettings } from '../../../shared/schemas/settings';

describe('endpointUrlProblem', () => {
  it('accepts http and https base URLs, local or not', () => {
    for (const url of [
      'http://127.0.0.1:11434/v1',
      'https://llm.example.com/v1',
      '  http://localhost:8080  ',
      'http://[::1]:11434/v1',
    ]) {
      expect(endpointUrlProblem(url), url).toBeNull();
    }
  });

  it('names what is wrong with a URL it refuses', () => {
    expect(endpointUrlProblem('')).toMatch(/Enter the endpoint's base URL/);
    expect(endpointUrlProblem('localhost:11434/v1')).toMatch(/Start the URL with http:\/\//);
    expect(endpointUrlProblem('127.0.0.1:11434')).toMatch(/Start the URL with http:\/\//);
    expect(endpointUrlProblem('ftp://files.example.com')).toBe(
      'The endpoint must use http:// or https://, not ftp://.',
    );
    expect(endpointUrlProblem('http://exa mple.com')).toMatch(/is not a URL/);
    expect(endpointUrlProblem('https://user:secret@llm.example.com/v1')).toMatch(
      /put the key in the API key field/,
    );
    expect(endpointUrlProblem(`http://h.example/${'a'.repeat(500)}`)).toMatch(/at most 500/);
  });
});

describe('isLoopbackHost', () => {
  it('knows the names of this computer and nothing else', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '[::1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['128.0.0.1', '10.0.0.5', 'localhost.example.com', '127.0.0.1.nip.io']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe('endpointReach', () => {
  it('keeps a loopback endpoint on the device, whatever the allowed hosts', () => {
    expect(endpointReach('http://127.0.0.1:11434/v1', [])).toMatchObject({
      kind: 'on-device',
      host: '127.0.0.1',
    });
    expect(endpointReach('http://localhost:8080/v1', ['localhost']).kind).toBe('on-device');
  });

  it('says another host gets nothing until it is allowed, matched without port or case', () => {
    expect(endpointReach('https://LLM.example.com:8443/v1', [])).toMatchObject({
      kind: 'not-allowed',
      host: 'llm.example.com',
    });
    expect(endpointReach('https://llm.example.com:8443/v1', ['LLM.Example.com'])).toMatchObject({
      kind: 'allowed',
      host: 'llm.example.com',
    });
    expect(endpointReach('https://llm.example.com/v1', ['other.example.com']).kind).toBe(
      'not-allowed',
    );
  });

  it('reports an endpoint that cannot be used, with the reason', () => {
    const reach = endpointReach('localhost:11434', []);
    expect(reach.kind).toBe('invalid');
    expect(reach.kind === 'invalid' && reach.problem).toMatch(/http:\/\//);
  });
});

describe('the settings screen and the engine agree', () => {
  const endpoints = [
    'http://127.0.0.1:11434/v1',
    'http://127.3.2.1/v1',
    'http://localhost:1234',
    'http://[::1]:11434/v1',
    'https://llm.example.com/v1',
    'https://LLM.example.com:8443/v1',
    'http://10.0.0.5:11434/v1',
    'http://[fe80::1]:11434/v1',
    'https://user:secret@llm.example.com/v1',
    'ftp://llm.example.com',
    'localhost:11434',
    'not a url',
    '',
  ];
  const allowLists = [[], ['llm.example.com'], ['10.0.0.5', '[fe80::1]']];

  it('sends text exactly where the screen says it goes', () => {
    for (const endpoint of endpoints) {
      for (const allowedEndpointHosts of allowLists) {
        const engine = checkEndpoint({
          assist: {
            ...defaultSettings.assist,
            generationEnabled: true,
            generationEndpoint: endpoint,
          },
          privacy: { ...defaultSettings.privacy, allowedEndpointHosts },
        });
        const screen = endpointReach(endpoint, allowedEndpointHosts);
        const label = `${endpoint} with [${allowedEndpointHosts.join(', ')}]`;
        expect(screen.kind === 'on-device' || screen.kind === 'allowed', label).toBe(engine.ok);
        if (engine.ok) expect(screen.kind === 'on-device', label).toBe(engine.loopback);
      }
    }
  });
});
