/** The example `/etc/inloop/policy.json`, generated from the policy schema's examples. */
import { policyDefinitions } from '../../../../shared/schemas/policy';
import { exampleKeys } from './template-text';

export function renderExamplePolicyJson(): string {
  const level = (keys: ReturnType<typeof exampleKeys>) =>
    Object.fromEntries(keys.map((key) => [key, policyDefinitions[key].example]));
  const document = {
    enforced: level(exampleKeys('enforced')),
    defaults: level(exampleKeys('default')),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
