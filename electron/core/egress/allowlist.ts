// Which hosts a request may reach. Loopback is always local; everything else must belong to a
// configured connection, and offline mode allows loopback only.

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (host.startsWith('::ffff:')) return isLoopbackHost(host.slice(7));
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export type EgressDecision = { allowed: true } | { allowed: false; reason: 'offline' | 'not-allowed' | 'bad-url'; message: string };

export function decide(url: string, opts: { offline: boolean; allowedHosts: ReadonlySet<string> }): EgressDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: 'bad-url', message: 'The address is not a valid URL.' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { allowed: false, reason: 'bad-url', message: `Only http and https are allowed, not ${parsed.protocol}` };
  }
  if (isLoopbackHost(parsed.hostname)) return { allowed: true };
  if (opts.offline) {
    return {
      allowed: false,
      reason: 'offline',
      message: `Offline mode is on, so Enclave did not contact ${parsed.hostname}. Turn offline mode off in the top bar to use remote models.`,
    };
  }
  if (parsed.protocol !== 'https:') {
    return {
      allowed: false,
      reason: 'not-allowed',
      message: `Enclave only talks to remote servers over https; ${parsed.host} was asked for over plain http.`,
    };
  }
  if (!opts.allowedHosts.has(parsed.hostname.toLowerCase())) {
    return {
      allowed: false,
      reason: 'not-allowed',
      message: `${parsed.hostname} is not one of your connections, so Enclave refused to contact it.`,
    };
  }
  return { allowed: true };
}
