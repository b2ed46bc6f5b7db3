// Typed failures of the conversation store. Each problem is a value with a kind, so callers
// (IPC, import UI) can switch on it and show a human message without parsing strings.

export type StoreProblem =
  | { kind: 'not-found'; entity: 'conversation' | 'message'; id: string }
  | { kind: 'newer-schema'; found: number; supported: number }
  | { kind: 'disk-full'; freeMb: number }
  | { kind: 'read-only'; freeMb: number }
  /** The key opens neither the database nor its backup: a wrong key, or the file's start is damaged. */
  | { kind: 'cannot-decrypt'; path: string };

export class StoreError extends Error {
  readonly problem: StoreProblem;

  constructor(problem: StoreProblem) {
    super(describeStoreProblem(problem));
    this.name = 'StoreError';
    this.problem = problem;
  }
}

export function describeStoreProblem(problem: StoreProblem): string {
  switch (problem.kind) {
    case 'not-found':
      return `No ${problem.entity} with id ${problem.id}.`;
    case 'newer-schema':
      return `This conversation database was written by a newer version of Enclave (schema ${problem.found}, this version understands up to ${problem.supported}). Update Enclave to open it.`;
    case 'disk-full':
      return `Your disk is full — ${problem.freeMb} MB free. Nothing you saw is lost: unsaved text is kept in memory and written as soon as you free some space.`;
    case 'read-only':
      return `Your disk is full — ${problem.freeMb} MB free — so Enclave opened your conversations read-only. Free some space and restart Enclave to write again.`;
    case 'cannot-decrypt':
      return `Enclave could not decrypt your conversation database (${problem.path}) with its key: the key is not the one it was encrypted with, or the start of the file is damaged. Nothing was changed or moved.`;
    default: {
      const unreachable: never = problem;
      return String(unreachable);
    }
  }
}

/** Where an import went wrong: which bundle (0-based), and which message if any. */
export type ImportProblem =
  | { kind: 'duplicate-message'; bundle: number; messageId: string }
  | { kind: 'broken-parent'; bundle: number; messageId: string; parentId: string }
  | { kind: 'parent-cycle'; bundle: number; messageId: string }
  | { kind: 'wrong-conversation'; bundle: number; messageId: string; conversationId: string }
  | { kind: 'broken-leaf'; bundle: number; leafId: string }
  | { kind: 'database'; bundle: number; detail: string };

export class BundleImportError extends Error {
  readonly problem: ImportProblem;

  constructor(problem: ImportProblem) {
    super(describeImportProblem(problem));
    this.name = 'BundleImportError';
    this.problem = problem;
  }
}

export function describeImportProblem(p: ImportProblem): string {
  const where = `Conversation ${p.bundle + 1} in the import`;
  switch (p.kind) {
    case 'duplicate-message':
      return `${where} repeats message id ${p.messageId}. Nothing was imported.`;
    case 'broken-parent':
      return `${where}: message ${p.messageId} answers ${p.parentId}, which is not in that conversation. Nothing was imported.`;
    case 'parent-cycle':
      return `${where}: message ${p.messageId} is its own ancestor. Nothing was imported.`;
    case 'wrong-conversation':
      return `${where}: message ${p.messageId} claims to belong to conversation ${p.conversationId}. Nothing was imported.`;
    case 'broken-leaf':
      return `${where} points at message ${p.leafId} as its current reply, which it does not contain. Nothing was imported.`;
    case 'database':
      return `${where} could not be written (${p.detail}). Nothing was imported.`;
    default: {
      const unreachable: never = p;
      return String(unreachable);
    }
  }
}
