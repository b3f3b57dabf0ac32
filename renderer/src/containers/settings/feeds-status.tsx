/**
 * Pack feeds in Settings: each feed this device follows (from the organisation's policy or the
 * settings), who signed it, when it was last checked and what that check did to each pack, and
 * "Check now". Offline or refused, the installed packs stay; the line says why.
 */
import type { FeedPackStatus, FeedStatus } from '../../../../shared/schemas/feeds';
import { useInloop } from '../../state/use-inloop';

function when(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** One pack's line: "acme-retail: v1.4.0 installed", with the reason when there is one. */
export function feedPackLine(pack: FeedPackStatus): string {
  const installed = pack.installed ? `v${pack.installed}` : 'not installed';
  const why = pack.message ? ` (${pack.message})` : '';
  switch (pack.state) {
    case 'current':
      return `${pack.id}: ${installed}, up to date${why}`;
    case 'installed':
      return `${pack.id}: ${installed} installed from the feed${why}`;
    case 'waiting-for-rollout':
      return `${pack.id}: ${installed}; ${pack.message ?? 'a newer version is rolling out'}`;
    case 'pin-missing':
      return `${pack.id}: ${installed}; ${pack.message ?? 'the pinned version is missing'}`;
    case 'failed':
      return `${pack.id}: ${installed}; the new version was refused${why}`;
  }
}

function FeedRow({ feed }: { feed: FeedStatus }) {
  const from = feed.from === 'policy' ? 'set by your organisation' : 'added in Settings';
  return (
    <li className="feed-row">
      <p className="feed-row__url">{feed.url}</p>
      <p className="feed-row__line">
        Channel {feed.channel} · {from}
        {feed.signedBy ? ` · signed by key ${feed.signedBy}` : ''}
      </p>
      <p className="feed-row__line">
        Checked {when(feed.checkedAt)} · next check {when(feed.nextCheckAt)}
      </p>
      {feed.error ? (
        <p className="feed-row__error">
          Last check failed: {feed.error}. The installed packs stay as they are.
        </p>
      ) : null}
      {feed.packs.map((pack) => (
        <p className="feed-row__line" key={pack.id}>
          {feedPackLine(pack)}
        </p>
      ))}
    </li>
  );
}

export function FeedsStatus() {
  const feeds = useInloop((s) => s.feeds);
  const checking = useInloop((s) => s.feedsChecking);
  const check = useInloop((s) => s.checkFeeds);
  if (!feeds || feeds.feeds.length === 0) return null;
  return (
    <div className="feeds">
      <div className="feeds__head">
        <p className="trusted-keys__label" id="feeds-label">
          Pack feeds
        </p>
        <button
          type="button"
          className="button button--small"
          disabled={checking}
          onClick={() => void check()}
        >
          {checking ? 'Checking…' : 'Check now'}
        </button>
      </div>
      <ul className="feeds__list" aria-labelledby="feeds-label">
        {feeds.feeds.map((feed) => (
          <FeedRow key={feed.url} feed={feed} />
        ))}
      </ul>
    </div>
  );
}
