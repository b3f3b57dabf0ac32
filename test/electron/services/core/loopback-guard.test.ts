import { describe, expect, it } from 'vitest';
import { checkUpgrade } from '../../../../electron/services/core/loopback-guard';
import { resolveStaticPath } from '../../../../electron/hosts/web/static-files';

const port = 4477;
const good = { url: '/api?token=s3cret', host: '127.0.0.1:4477', origin: 'http://127.0.0.1:4477' };

describe('API upgrade check', () => {
  it('accepts our origin with the launch token', () => {
    expect(checkUpgrade(good, 's3cret', port)).toEqual({ ok: true });
    expect(
      checkUpgrade(
        { ...good, host: 'localhost:4477', origin: 'http://localhost:4477' },
        's3cret',
        port,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses a missing or wrong token with 401', () => {
    expect(checkUpgrade({ ...good, url: '/api' }, 's3cret', port)).toMatchObject({ status: 401 });
    expect(checkUpgrade({ ...good, url: '/api?token=s3creT' }, 's3cret', port)).toMatchObject({
      status: 401,
    });
  });

  it('refuses a foreign or missing origin with 403', () => {
    expect(checkUpgrade({ ...good, origin: 'https://evil.example' }, 's3cret', port)).toMatchObject(
      { status: 403 },
    );
    expect(
      checkUpgrade({ ...good, origin: 'http://127.0.0.1:9999' }, 's3cret', port),
    ).toMatchObject({ status: 403 });
    expect(checkUpgrade({ ...good, origin: undefined }, 's3cret', port)).toMatchObject({
      status: 403,
    });
  });

  it('refuses a rebinding host name with 421 and other paths with 404', () => {
    expect(checkUpgrade({ ...good, host: 'evil.example:4477' }, 's3cret', port)).toMatchObject({
      status: 421,
    });
    expect(checkUpgrade({ ...good, url: '/other?token=s3cret' }, 's3cret', port)).toMatchObject({
      status: 404,
    });
  });
});

describe('static file paths', () => {
  it('maps / to index.html and keeps files inside the root', () => {
    expect(resolveStaticPath('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath('/srv/app', '/assets/app.js')).toBe('/srv/app/assets/app.js');
  });

  it('refuses traversal, encoded traversal and NUL bytes', () => {
    expect(resolveStaticPath('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/a%00.js')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});
