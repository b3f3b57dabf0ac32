/** The example pack's intents (packs/acme-retail/intents.yaml), read as the pack builder does. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { IntentSchema, type Intent } from '../../../shared/packs/pack-schemas';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The 55 intents of the acme-retail example pack. */
export function examplePackIntents(): Intent[] {
  const text = readFileSync(join(root, 'packs', 'acme-retail', 'intents.yaml'), 'utf8');
  return z.array(IntentSchema).parse(parse(text));
}
