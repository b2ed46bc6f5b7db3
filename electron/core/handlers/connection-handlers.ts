// Connections: the user's provider accounts and local servers, and finding servers on this machine.
import type { ConnectionsService } from '../connections/connections-service';
import { findLocalServers } from '../discovery/find-local-servers';
import { probeServer } from '../discovery/probe-server';
import type { Egress } from '../egress/egress';
import type { DomainHandlers } from '../ipc/handlers';

export interface ConnectionHandlerDeps {
  conns: ConnectionsService;
  egress: Egress;
  /** Ports probed by "Find local servers" (tests point it at fakes). */
  discoveryCandidates?: string[];
}

export function connectionHandlers({ conns, egress, discoveryCandidates }: ConnectionHandlerDeps): DomainHandlers<'connections'> {
  const knownBaseUrls = () =>
    conns
      .list()
      .map((c) => c.baseUrl ?? '')
      .filter(Boolean);
  // Discovery is not on behalf of any connection or model; egress still allows loopback only.
  const discoveryFetch = () => egress.fetchFor({ connectionId: null, model: null });
  return {
    listConnections: async () => {
      await conns.refreshHints();
      return conns.list();
    },
    addConnection: (req) => conns.add(req),
    updateConnection: (req) => conns.update(req),
    removeConnection: async (req) => {
      await conns.remove(req.id);
      return { removed: true };
    },
    testConnection: (req) => conns.test(req.id),
    listModels: (req) => conns.models(req.connectionId, req.refresh),
    findLocalServers: async () =>
      findLocalServers({
        fetch: discoveryFetch(),
        knownBaseUrls: knownBaseUrls(),
        ...(discoveryCandidates ? { candidates: discoveryCandidates } : {}),
      }),
    probeLocalServer: async (req) => {
      const result = await probeServer(req.address, { fetch: discoveryFetch(), knownBaseUrls: knownBaseUrls() });
      return result.kind === 'found' ? { found: true, server: result.server } : { found: false, message: result.message };
    },
  };
}
