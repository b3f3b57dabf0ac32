import { LogoMark } from './icon';

/** Shown in a browser opened without the launch token: how to get in. */
export function MissingToken() {
  return (
    <main className="gate">
      <div className="gate__card">
        <LogoMark />
        <h1 className="gate__title">Open Inloop from its link</h1>
        <p className="gate__body">
          This page needs the access link that <code>inloop serve</code> printed when it started. It
          looks like <code>http://127.0.0.1:4477/?token=…</code> and changes every launch, so only
          you can open it.
        </p>
      </div>
    </main>
  );
}
