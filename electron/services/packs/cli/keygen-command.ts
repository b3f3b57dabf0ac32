/** `inloop pack keygen [--out <dir>]`: a new publisher key pair for signing packs. */
import { resolve } from 'node:path';
import { EXIT_OK, type Command } from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';
import { generateSigningKeys, writeSigningKeyFiles } from '../pack-file';

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'Make an ed25519 publisher key pair for signing packs (never overwrites a key)',
  usage: 'pack keygen [--out <dir>] [--json]',
  options: {
    out: {
      type: 'string',
      value: '<dir>',
      description: 'Folder for pack-signing-private.pem and pack-signing-public.pem (default: .)',
    },
    json: { type: 'boolean', description: 'Print the key id and paths as JSON' },
  },
  async run(args, io) {
    const dir = resolve(io.cwd, stringOption(args, 'out') ?? '.');
    const keys = generateSigningKeys();
    const files = await writeSigningKeyFiles(dir, keys);
    const result = { keyId: keys.keyId, ...files };
    io.stdout(
      args.values.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : [
            `key id       ${keys.keyId}`,
            `private key  ${files.privateKeyPath}  (keep it secret: sign with --sign-key)`,
            `public key   ${files.publicKeyPath}  (give it to IT to trust on agents' machines)`,
            '',
          ].join('\n'),
    );
    return EXIT_OK;
  },
};
