/** The enforced policy that locks a setting (`section.field`), for its row and its control. */
import { managedBy } from '../../state/policy-slice';
import { useInloop } from '../../state/use-inloop';

export function useManaged(setting: string) {
  return useInloop((s) => managedBy(s, setting));
}
