/**
 * The Group Policy templates, the example configuration profile and the example policy.json
 * in deploy/policy are generated from the policy schema. These tests fail when a committed
 * template and the schema disagree: byte for byte (regenerate with
 * `npx tsx electron/hosts/cli/main.ts policy templates --out deploy/policy`), and key by key,
 * type by type, read back the way Windows, macOS and the app read them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import {
  policyDefinitions,
  policyEnumValues,
  policyKeys,
  type PolicyKey,
} from '../../../../shared/schemas/policy';
import { refinePolicy } from '../../../../electron/services/policy';
import { readingOfPolicyText } from '../../../../electron/services/policy/file-source';
import {
  MAC_BUNDLE_ID,
  MAC_RECOMMENDED_DOMAIN,
  watcherPolicies,
  WINDOWS_POLICY_KEY,
  WINDOWS_RECOMMENDED_KEY,
} from '../../../../electron/services/policy/native-source';
import { checkPolicyValue } from '../../../../electron/services/policy/policy-values';
import { resolvePolicy } from '../../../../electron/services/policy/resolve-policy';
import { policyTemplates } from '../../../../electron/services/policy/templates';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const committed = (path: string) => readFile(join(root, 'deploy', 'policy', path), 'utf8');
const xmlDocument = async (path: string) => parseDocument(await committed(path), { xmlMode: true });
const byTag = (tag: string, node: Parameters<typeof DomUtils.getElementsByTagName>[1]) =>
  DomUtils.getElementsByTagName(tag, node, true);
const child = (element: Element, tag: string) => byTag(tag, element)[0];

describe('the committed templates', () => {
  it.each(policyTemplates().map((t) => [t.path, t.text]))(
    '%s is what the schema generates',
    async (path, text) => {
      expect(
        await committed(path),
        `deploy/policy/${path} is stale: npx tsx electron/hosts/cli/main.ts policy templates --out deploy/policy`,
      ).toBe(text);
    },
  );
});

describe('the ADMX and ADML, as Group Policy reads them', () => {
  it('hold every key twice, enforced and recommended, under the keys the app watches', async () => {
    const admx = await xmlDocument('windows/inloop.admx');
    const policies = byTag('policy', admx);
    expect(policies.map((p) => p.attribs.name).sort()).toEqual(
      policyKeys.flatMap((k) => [k, `${k}_Recommended`]).sort(),
    );
    for (const policy of policies) {
      const recommended = policy.attribs.name!.endsWith('_Recommended');
      expect(policy.attribs.key).toBe(recommended ? WINDOWS_RECOMMENDED_KEY : WINDOWS_POLICY_KEY);
      expect(policy.attribs.class).toBe('Both');
    }
  });

  it('write each value with the registry type the policy watcher reads', async () => {
    const admx = await xmlDocument('windows/inloop.admx');
    const watched = watcherPolicies();
    for (const policy of byTag('policy', admx)) {
      const key = policy.attribs.name!.replace(/_Recommended$/, '') as PolicyKey;
      const { kind } = policyDefinitions[key];
      if (kind === 'boolean') {
        // REG_DWORD 1 / 0, the value named after the key.
        expect(watched[key]).toEqual({ type: 'boolean' });
        expect(policy.attribs.valueName).toBe(key);
        expect(child(child(policy, 'enabledValue')!, 'decimal')!.attribs.value).toBe('1');
        expect(child(child(policy, 'disabledValue')!, 'decimal')!.attribs.value).toBe('0');
        continue;
      }
      const elements = child(policy, 'elements')!.children.filter(
        (n): n is Element => n.type === 'tag',
      );
      expect(elements).toHaveLength(1);
      const element = elements[0]!;
      expect(element.attribs.valueName).toBe(key);
      const tag = {
        number: 'longDecimal', // REG_QWORD: the watcher's number type
        enum: 'enum',
        string: 'text',
        list: 'multiText', // REG_MULTI_SZ: read back one line per string
        json: 'multiText',
      }[kind];
      expect(element.name, key).toBe(tag);
      expect(watched[key]).toEqual({ type: kind === 'number' ? 'number' : 'string' });
      if (kind === 'enum') {
        expect(byTag('string', element).map((s) => DomUtils.textContent(s))).toEqual(
          policyEnumValues(key),
        );
      }
      if (kind === 'number') {
        const range = (policyDefinitions[key] as { range?: readonly [number, number] }).range!;
        expect([Number(element.attribs.minValue), Number(element.attribs.maxValue)]).toEqual(range);
      }
    }
  });

  it('name only strings and presentations the ADML defines', async () => {
    const admxText = await committed('windows/inloop.admx');
    const adml = await xmlDocument('windows/en-US/inloop.adml');
    const strings = new Set(byTag('string', adml).map((s) => s.attribs.id));
    const presentations = new Map(byTag('presentation', adml).map((p) => [p.attribs.id, p]));
    for (const [, id] of admxText.matchAll(/\$\(string\.([^)]+)\)/g)) {
      expect(strings.has(id), `string ${id}`).toBe(true);
    }
    for (const [, id] of admxText.matchAll(/\$\(presentation\.([^)]+)\)/g)) {
      const presentation = presentations.get(id);
      expect(presentation, `presentation ${id}`).toBeDefined();
      const control = presentation!.children.find((n): n is Element => n.type === 'tag')!;
      expect(control.attribs.refId).toBe(id);
    }
  });
});

/** The key/value pairs of a plist <dict>, values as the plist types hold them. */
function plistDict(dict: Element): Map<string, string | number | boolean> {
  const nodes = dict.children.filter((n): n is Element => n.type === 'tag');
  const values = new Map<string, string | number | boolean>();
  for (let i = 0; i < nodes.length; i += 2) {
    const value = nodes[i + 1]!;
    const read =
      value.name === 'true'
        ? true
        : value.name === 'false'
          ? false
          : value.name === 'integer'
            ? Number(DomUtils.textContent(value))
            : DomUtils.textContent(value);
    values.set(DomUtils.textContent(nodes[i]!), read);
  }
  return values;
}

describe('the example configuration profile, as managed preferences hold it', () => {
  it('sets every key once, in the enforced or the recommended domain, with a value the app accepts', async () => {
    const profile = await xmlDocument('macos/inloop.mobileconfig');
    const payloads = byTag('dict', byTag('array', profile)[0]!).filter(
      (d) => (d.parent as Element | null)?.name === 'array',
    );
    const seen: string[] = [];
    expect(payloads).toHaveLength(2);
    for (const payload of payloads) {
      const values = plistDict(payload);
      expect([MAC_BUNDLE_ID, MAC_RECOMMENDED_DOMAIN]).toContain(values.get('PayloadType'));
      for (const [name, value] of values) {
        if (name.startsWith('Payload')) continue;
        expect(policyKeys, name).toContain(name);
        const key = name as PolicyKey;
        // The watcher reads booleans, numbers and strings only.
        expect(typeof value).toBe(watcherPolicies()[key]!.type);
        const checked = checkPolicyValue(key, value, refinePolicy);
        expect(checked, name).toEqual({ ok: true, value: expect.anything() });
        seen.push(name);
      }
    }
    expect(seen.sort()).toEqual([...policyKeys].sort());
  });
});

describe('the example policy.json', () => {
  it('sets every key with no problem when the app reads it', async () => {
    const reading = readingOfPolicyText('policy.json', await committed('linux/policy.json'));
    const { report } = resolvePolicy([reading], undefined, refinePolicy);
    expect(report.problems).toEqual([]);
    expect(report.entries.map((e) => e.key).sort()).toEqual([...policyKeys].sort());
  });
});

describe('docs/deploy.md', () => {
  it('documents every policy key with the setting it sets', async () => {
    const guide = await readFile(join(root, 'docs', 'deploy.md'), 'utf8');
    for (const key of policyKeys) {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${key}\``));
      expect(row, `docs/deploy.md has no row for ${key}`).toBeDefined();
      expect(row).toContain(policyDefinitions[key].setting);
    }
  });
});
