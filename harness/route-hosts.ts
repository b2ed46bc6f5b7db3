// Test-only transport for the harness: sends requests for named remote hosts to a fake server on
// loopback. Egress still judges the real remote URL (allowlist, offline, https-only) and the
// connection stays remote (its `local` flag derives from its base URL as in production); only the
// final hop is redirected, so tests can watch what a remote provider would have received.
import { isLoopbackHost } from '../electron/core/egress/allowlist';
import type { Fetch } from '../electron/core/egress/egress';

/** Parses `host=http://127.0.0.1:port` pairs; targets must be loopback. */
export function parseRoutes(pairs: readonly string[]): Map<string, URL> {
  const routes = new Map<string, URL>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--route-host wants host=http://127.0.0.1:port, got ${pair}`);
    const target = new URL(pair.slice(at + 1));
    if (!isLoopbackHost(target.hostname)) throw new Error(`--route-host may only point at loopback, not ${target.hostname}`);
    routes.set(pair.slice(0, at).toLowerCase(), target);
  }
  return routes;
}

export function routeHosts(routes: ReadonlyMap<string, URL>, base: Fetch = globalThis.fetch): Fetch {
  return (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const target = routes.get(url.host.toLowerCase());
    if (!target) return base(input, init);
    url.protocol = target.protocol;
    url.host = target.host;
    return input instanceof Request ? base(new Request(url.href, input), init) : base(url.href, init);
  };
}
