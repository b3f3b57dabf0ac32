/**
 * `inloop feed publish`: the team lead adds a pack version to a feed folder (atomically);
 * `inloop feed sync`: this device checks every feed it follows once and installs what they
 * say through the one pack installer, printing each step (the app does the same on a timer).
 */
import { resolve } from 'node:path';
import type { FeedsStatus } from '../../../../../shared/schemas/feeds';
import { dataDirOption } from '../../../core/cli/cli-context';
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  type Command,
  type OpenServices,
  withServices,
} from '../../../core/cli/command';
import { intOption, stringOption } from '../../../core/cli/option-values';
import { readPemFile } from '../../cli/build-command';
import { publishToFeed } from '../feed-publish';
import type { FeedService } from '../feed-service';

/** What the feed commands use of the services. */
export type OpenFeeds = OpenServices<{ readonly feeds: FeedService }>;

const json = { type: 'boolean', description: 'Print JSON' } as const;

const publishCommand: Command = {
  name: 'publish',
  summary: 'Add a pack to a feed folder and sign its index (atomically)',
  usage:
    'feed publish <pack.inloop> --feed <dir> --sign-key <pem> [--channel C] [--rollout N] [--json]',
  options: {
    feed: { type: 'string', value: '<dir>', description: 'The feed folder (created if missing)' },
    'sign-key': {
      type: 'string',
      value: '<pem>',
      description: 'ed25519 private key (PKCS#8 PEM) that signs feed.json',
    },
    channel: { type: 'string', value: '<name>', description: 'Channel (default stable)' },
    rollout: {
      type: 'string',
      value: '<0-100>',
      description: 'Percentage of devices that install it (default 100)',
    },
    json,
  },
  positionals: [1, 1],
  async run(args, io) {
    const feed = stringOption(args, 'feed');
    const keyPath = stringOption(args, 'sign-key');
    if (!feed) throw new UsageError('--feed <dir> is required');
    if (!keyPath) throw new UsageError('--sign-key <pem> is required: a feed is always signed');
    const result = await publishToFeed(
      resolve(io.cwd, args.positionals[0]!),
      resolve(io.cwd, feed),
      {
        signingKeyPem: await readPemFile(resolve(io.cwd, keyPath), 'signing key'),
        channel: stringOption(args, 'channel'),
        rollout: intOption(args, 'rollout', 100, 0, 100),
      },
    );
    const { entry, index } = result;
    io.stdout(
      args.values.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `${result.updated ? 'updated' : 'published'} ${entry.id} ${entry.version} to channel ${entry.channel} at ${entry.rollout} % (feed sequence ${index.sequence}, ${index.packs.length} versions)\n`,
    );
    return EXIT_OK;
  },
};

/** The status as text: one block per feed, one line per pack. */
export function formatFeedsStatus(status: FeedsStatus): string {
  if (status.feeds.length === 0) {
    return 'no feed subscribed (settings feeds.subscriptions or policy PackFeeds)\n';
  }
  const lines = [`rollout bucket of this install: ${status.bucket ?? '?'}`];
  for (const feed of status.feeds) {
    const signed = feed.signedBy ? `, signed by ${feed.signedBy}` : '';
    lines.push(`${feed.url} [${feed.channel}, from ${feed.from}${signed}]`);
    if (feed.error) lines.push(`  problem: ${feed.error}`);
    for (const pack of feed.packs) {
      const message = pack.message ? ` (${pack.message})` : '';
      lines.push(
        `  ${pack.id}: ${pack.state}, installed ${pack.installed ?? 'none'}, feed ${pack.target ?? 'none'}${message}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const syncCommand = (open: OpenFeeds): Command => ({
  name: 'sync',
  summary: 'Check every subscribed feed now and install what it says',
  usage: 'feed sync [--json] [--data-dir D]',
  options: { json, 'data-dir': dataDirOption },
  async run(args, io) {
    return withServices(open, args, io, async (services) => {
      const status = await services.feeds.checkAll(
        args.values.json ? undefined : (line) => io.stdout(`${line}\n`),
      );
      io.stdout(
        args.values.json ? `${JSON.stringify(status, null, 2)}\n` : formatFeedsStatus(status),
      );
      const failed = status.feeds.some(
        (f) => f.error !== null || f.packs.some((p) => p.state === 'failed'),
      );
      return failed ? EXIT_FAILURE : EXIT_OK;
    });
  },
});

export const feedCommand = (open: OpenFeeds): Command => ({
  name: 'feed',
  summary: 'Publish packs to a feed; check the feeds this device follows',
  usage: 'feed <publish|sync> …',
  options: {},
  subcommands: [publishCommand, syncCommand(open)],
  run: () => Promise.resolve(EXIT_USAGE),
});
