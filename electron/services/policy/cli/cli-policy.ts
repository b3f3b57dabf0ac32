/** The policy as a CLI command reads it: this platform's places, read once. */
import type { PolicyReport } from '../../../../shared/schemas/policy';
import type { CliIo } from '../../core/cli/command';
import { refinePolicy } from '../index';
import { platformPolicySources } from '../platform-sources';
import { readPolicyOnce } from '../policy-service';

export function readCliPolicy(io: Pick<CliIo, 'env'>): Promise<PolicyReport> {
  return readPolicyOnce({
    sources: platformPolicySources({ platform: process.platform, env: io.env, packaged: false }),
    refine: refinePolicy,
  });
}
