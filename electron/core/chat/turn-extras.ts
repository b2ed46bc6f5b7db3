// What a reply brought besides text: tools the model asked to call (Enclave runs none) and files
// it generated (images). Kept so the message shows what arrived instead of an empty bubble.
import { randomUUID } from 'node:crypto';
import type { Attachment, FinishReason, MessageFinishInfo } from '../../../shared/types';

type Extra = { kind: 'tool-call'; toolName: string } | { kind: 'file'; mediaType: string; base64: string };

const EXTENSION: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

export function createTurnExtras(now: () => number) {
  const toolCalls: string[] = [];
  const files: Attachment[] = [];
  return {
    add(extra: Extra): void {
      if (extra.kind === 'tool-call') {
        toolCalls.push(extra.toolName);
        return;
      }
      const image = extra.mediaType.startsWith('image/');
      files.push({
        id: randomUUID(),
        name: `generated-${now()}-${files.length + 1}.${EXTENSION[extra.mediaType] ?? 'bin'}`,
        mimeType: extra.mediaType,
        // base64 → bytes: 3 bytes per 4 characters, less the padding.
        size: Math.floor((extra.base64.length * 3) / 4) - (extra.base64.match(/=+$/)?.[0].length ?? 0),
        data: image ? extra.base64 : Buffer.from(extra.base64, 'base64').toString('utf8'),
        kind: image ? 'image' : 'text',
      });
    },
    finish(reason: FinishReason, raw: string | undefined): MessageFinishInfo {
      return { reason, ...(raw !== undefined ? { raw } : {}), ...(toolCalls.length ? { toolCalls: [...new Set(toolCalls)] } : {}) };
    },
    attachments(): { attachments?: Attachment[] } {
      return files.length ? { attachments: files } : {};
    },
  };
}
