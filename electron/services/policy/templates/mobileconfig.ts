/**
 * An example macOS configuration profile generated from the policy schema: one payload for
 * the enforced values (preference domain `dev.inloop.app`) and one for the defaults the user
 * may change (`dev.inloop.app.recommended`). Install it through an MDM; the app reads the
 * managed (forced) values of both domains. Lists and JSON are strings, as on Windows.
 */
import {
  policyDefinitions,
  type PolicyKey,
  type PolicyLevel,
} from '../../../../shared/schemas/policy';
import { MAC_BUNDLE_ID, MAC_RECOMMENDED_DOMAIN } from '../native-source';
import { exampleKeys, stableUuid, textForm, xml } from './template-text';

function plistValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '<true/>' : '<false/>';
  if (typeof value === 'number') return `<integer>${value}</integer>`;
  return `<string>${xml(value)}</string>`;
}

function payload(level: PolicyLevel): string[] {
  const domain = level === 'enforced' ? MAC_BUNDLE_ID : MAC_RECOMMENDED_DOMAIN;
  const identifier = `${MAC_BUNDLE_ID}.policy.${level}`;
  const keys: PolicyKey[] = exampleKeys(level);
  return [
    '    <dict>',
    '      <key>PayloadDisplayName</key>',
    `      <string>Inloop ${level === 'enforced' ? 'enforced policy' : 'defaults the user may change'}</string>`,
    '      <key>PayloadIdentifier</key>',
    `      <string>${identifier}</string>`,
    '      <key>PayloadType</key>',
    `      <string>${domain}</string>`,
    '      <key>PayloadUUID</key>',
    `      <string>${stableUuid(identifier)}</string>`,
    '      <key>PayloadVersion</key>',
    '      <integer>1</integer>',
    '      <key>PayloadEnabled</key>',
    '      <true/>',
    ...keys.flatMap((key) => [
      `      <key>${key}</key>`,
      `      ${plistValue(textForm(key, policyDefinitions[key].example))}`,
    ]),
    '    </dict>',
  ];
}

export function renderMobileconfig(): string {
  const identifier = `${MAC_BUNDLE_ID}.policy`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Generated from shared/schemas/policy.ts by `inloop policy templates`: an example; edit the values. -->',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '  <key>PayloadContent</key>',
    '  <array>',
    ...payload('enforced'),
    ...payload('default'),
    '  </array>',
    '  <key>PayloadDisplayName</key>',
    '  <string>Inloop policy (example)</string>',
    '  <key>PayloadDescription</key>',
    '  <string>Managed policy for Inloop. Keys: docs/deploy.md.</string>',
    '  <key>PayloadIdentifier</key>',
    `  <string>${identifier}</string>`,
    '  <key>PayloadScope</key>',
    '  <string>System</string>',
    '  <key>PayloadType</key>',
    '  <string>Configuration</string>',
    '  <key>PayloadUUID</key>',
    `  <string>${stableUuid(identifier)}</string>`,
    '  <key>PayloadVersion</key>',
    '  <integer>1</integer>',
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}
