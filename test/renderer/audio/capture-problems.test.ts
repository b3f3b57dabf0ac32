import { describe, expect, it } from 'vitest';
import {
  problemFromError,
  silenceProblem,
  SILENCE_MS,
} from '../../../renderer/src/audio/capture-problems';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('capture problems', () => {
  it('tells a refused permission from a missing device, each with its fix', () => {
    const denied = problemFromError('agent', domError('NotAllowedError'));
    expect(denied).toMatchObject({ kind: 'permission-denied', speaker: 'agent' });
    expect(denied.fix).toMatch(/Allow microphone access/);
    const missing = problemFromError('customer', domError('NotFoundError'));
    expect(missing).toMatchObject({ kind: 'device-missing' });
    expect(missing.fix).toMatch(/pick another device/);
    expect(problemFromError('agent', domError('NotReadableError')).kind).toBe('failed');
  });

  it('reports silent input only after a while, with where to look', () => {
    expect(silenceProblem('agent', SILENCE_MS - 100)).toBeNull();
    expect(silenceProblem('agent', SILENCE_MS)?.fix).toMatch(/not muted/);
    expect(silenceProblem('customer', SILENCE_MS)?.fix).toMatch(/Monitor of/);
  });
});
