// One import written in chunks inside one transaction: the caller writes a few
// conversations, yields to the event loop (so progress and Cancel get through), writes more,
// then commits, or rolls back and nothing was written.
//
// The connection is shared: any other write made between two chunks (a streamed reply's
// flush, a ledger row) joins this transaction and is kept by commit or dropped by rollback.
// The import dialog is modal and a write phase lasts seconds, so that window is small.
import type { ConversationBundle } from '../../../shared/types';
import { checkBundle, deferForeignKeys, writeBundle, type BundleRepos } from './bundles';
import type { StoreContext } from './context';

export interface ImportTransaction {
  /** Checks and writes one conversation; throws BundleImportError for a bad one. */
  write(bundle: ConversationBundle, index: number, onMessage?: () => void): void;
  commit(): void;
  rollback(): void;
}

export function beginImportTransaction(ctx: StoreContext, repos: BundleRepos): ImportTransaction {
  if (ctx.db.inTransaction) throw new Error('Another write is in progress; try the import again.');
  ctx.db.exec('BEGIN IMMEDIATE');
  deferForeignKeys(ctx);
  let open = true;
  const rollback = () => {
    if (!open) return;
    open = false;
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
  };
  return {
    write(bundle, index, onMessage) {
      if (!open) throw new Error('The import transaction has ended.');
      checkBundle(bundle, index);
      writeBundle(ctx, repos, bundle, index, onMessage);
    },
    commit() {
      if (!open) throw new Error('The import transaction has ended.');
      try {
        ctx.db.exec('COMMIT');
        open = false;
      } catch (error) {
        // A failed COMMIT (a deferred foreign key) leaves the transaction open.
        rollback();
        throw error;
      }
    },
    rollback,
  };
}
