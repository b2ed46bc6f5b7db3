// Human words for message metadata, shared by the Markdown and HTML exporters.
import type { Message, Role } from '../types';
import type { ThreadEvent } from './thread-events';

const ROLE_LABELS: Record<Role, string> = { user: 'User', assistant: 'Assistant', system: 'System' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** "gpt-4o (OpenAI)" — model id plus the connection it went through, when known. */
export function modelLabel(model: Message['model']): string | null {
  if (!model) return null;
  return model.connectionName ? `${model.modelId} (${model.connectionName})` : model.modelId;
}

/** Status worth telling a reader about; a complete message says nothing. */
export function statusLabel(message: Message): string | null {
  switch (message.status) {
    case 'complete':
      return null;
    case 'streaming':
      return 'incomplete';
    case 'interrupted':
      return 'interrupted';
    case 'error':
      return 'failed';
    default: {
      const unreachable: never = message.status;
      return String(unreachable);
    }
  }
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A title on one line, never blank. */
export function displayTitle(title: string): string {
  const oneLine = title.replace(/\s+/g, ' ').trim();
  return oneLine === '' ? 'Untitled conversation' : oneLine;
}

export function messageCountLabel(shown: number, total: number): string {
  const noun = total === 1 ? 'message' : 'messages';
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun} (current branch)`;
}

type BranchStart = Extract<ThreadEvent, { kind: 'branch-start' }>;

/** "Branch 2.1 (1 of 2) · current" */
export function branchTitle(branch: BranchStart): string {
  return `Branch ${branch.label} (${branch.index} of ${branch.count})${branch.current ? ' · current' : ''}`;
}

/** Where a branch hangs in the tree, in words. */
export function branchNote(branch: BranchStart, time: (ms: number) => string): string {
  if (!branch.after) return `Alternative ${branch.index} of ${branch.count}: a way to start the conversation.`;
  const role = roleLabel(branch.after.role).toLowerCase();
  return `Alternative ${branch.index} of ${branch.count}: a reply to the ${role} message of ${time(branch.after.createdAt)}.`;
}
