/**
 * Group Policy templates (ADMX and its en-US ADML) generated from the policy schema. Every key
 * appears twice: under "Inloop" writing `Software\Policies\Inloop` (enforced) and under
 * "Inloop: defaults the user may change" writing `Software\Policies\Inloop\Recommended`.
 * Both classes (computer and user); the app reads HKLM first, then HKCU.
 *
 * Element types follow what @vscode/policy-watcher reads: booleans as REG_DWORD 0/1, numbers
 * as REG_QWORD (`longDecimal`), text as REG_SZ, lists and JSON as REG_MULTI_SZ (`multiText`,
 * read back joined by newlines).
 */
import {
  policyDefinitions,
  policyEnumValues,
  policyKeys,
  type PolicyCategory,
  type PolicyKey,
} from '../../../../shared/schemas/policy';
import { WINDOWS_POLICY_KEY, WINDOWS_RECOMMENDED_KEY } from '../native-source';
import { xml } from './template-text';

const CATEGORIES: readonly PolicyCategory[] = ['Packs', 'Updates', 'Privacy', 'Assist'];
const SUPPORTED = 'Supported_Inloop_0_1';

interface Level {
  readonly suffix: '' | '_Recommended';
  readonly registryKey: string;
  readonly root: string;
}
const LEVELS: readonly Level[] = [
  { suffix: '', registryKey: WINDOWS_POLICY_KEY, root: 'Inloop' },
  { suffix: '_Recommended', registryKey: WINDOWS_RECOMMENDED_KEY, root: 'InloopRecommended' },
];

/** The policy's `elements` (none for a boolean: it is the policy's own enabled/disabled). */
function elements(key: PolicyKey): string {
  const definition = policyDefinitions[key];
  switch (definition.kind) {
    case 'boolean':
      return '';
    case 'number': {
      const [min, max] = (definition as { range?: readonly [number, number] }).range ?? [
        0,
        2 ** 31,
      ];
      return `<longDecimal id="${key}" valueName="${key}" minValue="${min}" maxValue="${max}" required="true" />`;
    }
    case 'enum': {
      const items = policyEnumValues(key)
        .map(
          (value) =>
            `<item displayName="$(string.${key}_${value})"><value><string>${xml(value)}</string></value></item>`,
        )
        .join('');
      return `<enum id="${key}" valueName="${key}" required="true">${items}</enum>`;
    }
    case 'string':
      return `<text id="${key}" valueName="${key}" maxLength="2000" required="true" />`;
    case 'list':
    case 'json':
      return `<multiText id="${key}" valueName="${key}" maxLength="20000" maxStrings="200" required="true" />`;
  }
}

function policyXml(key: PolicyKey, level: Level): string {
  const definition = policyDefinitions[key];
  const name = `${key}${level.suffix}`;
  const boolean = definition.kind === 'boolean';
  const lines = [
    `    <policy name="${name}" class="Both" displayName="$(string.${key})" explainText="$(string.${key}_Explain)" key="${xml(level.registryKey, true)}"${boolean ? ` valueName="${key}"` : ` presentation="$(presentation.${key})"`}>`,
    `      <parentCategory ref="${level.root}_${definition.category}" />`,
    `      <supportedOn ref="${SUPPORTED}" />`,
  ];
  if (boolean) {
    lines.push(
      '      <enabledValue><decimal value="1" /></enabledValue>',
      '      <disabledValue><decimal value="0" /></disabledValue>',
    );
  } else {
    lines.push(`      <elements>${elements(key)}</elements>`);
  }
  lines.push('    </policy>');
  return lines.join('\n');
}

export function renderAdmx(): string {
  const categories = LEVELS.flatMap((level) => [
    `    <category name="${level.root}" displayName="$(string.${level.root})" />`,
    ...CATEGORIES.map(
      (c) =>
        `    <category name="${level.root}_${c}" displayName="$(string.Category_${c})"><parentCategory ref="${level.root}" /></category>`,
    ),
  ]);
  const policies = LEVELS.flatMap((level) => policyKeys.map((key) => policyXml(key, level)));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from shared/schemas/policy.ts by `inloop policy templates`; do not edit. -->',
    '<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <policyNamespaces>',
    '    <target prefix="inloop" namespace="Inloop.Policies" />',
    '    <using prefix="windows" namespace="Microsoft.Policies.Windows" />',
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    `      <definition name="${SUPPORTED}" displayName="$(string.${SUPPORTED})" />`,
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    ...categories,
    '  </categories>',
    '  <policies>',
    ...policies,
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\n');
}

function presentation(key: PolicyKey): string | null {
  const { kind, title } = policyDefinitions[key];
  switch (kind) {
    case 'boolean':
      return null;
    case 'number':
      return `<longDecimalTextBox refId="${key}">${xml(title)}</longDecimalTextBox>`;
    case 'enum':
      return `<dropdownList refId="${key}" noSort="true">${xml(title)}</dropdownList>`;
    case 'string':
      return `<textBox refId="${key}"><label>${xml(title)}</label></textBox>`;
    case 'list':
      return `<multiTextBox refId="${key}">${xml(title)} (one per line)</multiTextBox>`;
    case 'json':
      return `<multiTextBox refId="${key}">${xml(title)} (JSON)</multiTextBox>`;
  }
}

export function renderAdml(): string {
  const strings: [string, string][] = [
    ['Inloop', 'Inloop'],
    ['InloopRecommended', 'Inloop: defaults the user may change'],
    [SUPPORTED, 'Inloop 0.1 and later'],
    ...CATEGORIES.map((c): [string, string] => [`Category_${c}`, c]),
  ];
  for (const key of policyKeys) {
    const { title, description } = policyDefinitions[key];
    strings.push([key, title]);
    strings.push([
      `${key}_Explain`,
      `${description}\n\nRegistry value ${key} under ${WINDOWS_POLICY_KEY} (enforced) or ${WINDOWS_RECOMMENDED_KEY} (a default the user may change).`,
    ]);
    for (const value of policyEnumValues(key)) strings.push([`${key}_${value}`, value]);
  }
  const presentations = policyKeys.flatMap((key) => {
    const body = presentation(key);
    return body ? [`      <presentation id="${key}">${body}</presentation>`] : [];
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from shared/schemas/policy.ts by `inloop policy templates`; do not edit. -->',
    '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <displayName>Inloop</displayName>',
    '  <description>Managed policy for Inloop, the agent-assist overlay.</description>',
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...presentations,
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
}
