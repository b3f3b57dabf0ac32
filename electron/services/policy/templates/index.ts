/**
 * Every policy template, generated from shared/schemas/policy.ts: `inloop policy templates
 * --out deploy/policy` writes them, and a test fails when the committed copies and the schema
 * disagree.
 */
import { renderAdml, renderAdmx } from './admx';
import { renderExamplePolicyJson } from './example-policy';
import { renderMobileconfig } from './mobileconfig';

export interface PolicyTemplate {
  /** Relative to the output folder. */
  readonly path: string;
  readonly text: string;
}

export function policyTemplates(): PolicyTemplate[] {
  return [
    { path: 'windows/inloop.admx', text: renderAdmx() },
    { path: 'windows/en-US/inloop.adml', text: renderAdml() },
    { path: 'macos/inloop.mobileconfig', text: renderMobileconfig() },
    { path: 'linux/policy.json', text: renderExamplePolicyJson() },
  ];
}
