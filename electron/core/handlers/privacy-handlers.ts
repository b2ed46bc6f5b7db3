// The network ledger: every request Enclave made, its totals, each provider's health, its export.
import type { SavedFile } from '../../../shared/contract';
import { ledgerToCsv } from '../../../shared/ledger-csv';
import type { ConnectionsService } from '../connections/connections-service';
import { providerHealth } from '../health/provider-health';
import type { DomainHandlers } from '../ipc/handlers';
import type { ConversationStore } from '../store/conversation-store';

export interface PrivacyHandlerDeps {
  store: ConversationStore;
  conns: ConnectionsService;
  saveFile(suggestedName: string, content: string): Promise<SavedFile>;
}

const DAY_MS = 86_400_000;

export function privacyHandlers({ store, conns, saveFile }: PrivacyHandlerDeps): DomainHandlers<'privacy'> {
  return {
    listLedger: async (req) => store.listLedger(req),
    ledgerTotals: async (req) => store.ledgerTotals(req),
    providerHealth: async ({ days }) => {
      const names = new Map(conns.list().map((c) => [c.id, c.name]));
      return providerHealth(store.ledgerModelRows(Date.now() - days * DAY_MS), (id) => names.get(id));
    },
    exportLedger: async (req) => {
      const entries = store.listLedger({ limit: 1_000_000 });
      const stamp = new Date().toISOString().slice(0, 10);
      return req.format === 'csv'
        ? saveFile(`enclave-network-ledger-${stamp}.csv`, ledgerToCsv(entries))
        : saveFile(`enclave-network-ledger-${stamp}.json`, JSON.stringify(entries, null, 2) + '\n');
    },
  };
}
