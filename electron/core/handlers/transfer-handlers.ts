// Exports (plain or sealed with a passphrase) and imports (one-shot, or chunked with progress).
import type { SavedFile } from '../../../shared/contract';
import { openSealedImport, sealedExport } from '../crypto/sealed-transfer';
import { UserFacingError } from '../errors/user-facing-error';
import type { DomainHandlers } from '../ipc/handlers';
import type { ConversationStore } from '../store/conversation-store';
import type { ImportJobs } from '../store/import-job';
import type { ReadWorker } from '../store/read-worker';
import { checkImportRoom, importInto, renderExport } from '../store/transfer';

export interface TransferHandlerDeps {
  store: ConversationStore;
  reader: ReadWorker;
  imports: ImportJobs;
  dataDir: string;
  saveFile(suggestedName: string, content: string): Promise<SavedFile>;
  /** Shows a file this session exported in the OS file manager. */
  reveal(path: string): { shown: boolean };
}

export function transferHandlers({ store, reader, imports, dataDir, saveFile, reveal }: TransferHandlerDeps): DomainHandlers<'transfer'> {
  return {
    exportConversations: async (req) => {
      store.prepareRead();
      const bundles = (await reader.exportBundles(req.ids)).map((b) => ({ ...b, messages: store.withUnsaved(b.messages) }));
      if (bundles.length === 0) throw new UserFacingError({ kind: 'bad-request', message: 'There is nothing to export yet.' });
      const { name, content } = req.passphrase ? await sealedExport(bundles, req.passphrase) : renderExport(bundles, req.format, req.branches);
      return saveFile(name, content);
    },
    showInFolder: async (req) => reveal(req.path),
    importConversations: async (req) => importInto(imports, await openSealedImport(req.content, req.passphrase), dataDir),
    startImport: async (req) => {
      checkImportRoom(dataDir, req.content);
      return { importId: imports.start(req.content) };
    },
    importStatus: async (req) => {
      const status = imports.status(req.importId);
      if (!status) throw new UserFacingError({ kind: 'bad-request', message: 'That import is not known (it may have finished long ago).' });
      return status;
    },
    cancelImport: async (req) => ({ cancelled: imports.cancel(req.importId) }),
  };
}
