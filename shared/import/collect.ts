// Gathers what each item of an import yielded into one result: bundles to write, and a
// skipped entry (with its reason) for each item that could not be read, that repeats an
// earlier conversation, or that would pass the total size limit.
import type { ConversationBundle } from '../types';
import type { SkippedConversation } from './import-result';
import type { ReadItem } from './import-plan';
import { IMPORT_LIMITS } from './limits';
import { quote } from './verify-bundles';

export interface Collector {
  add(index: number, item: ReadItem): void;
  bundles: ConversationBundle[];
  skipped: SkippedConversation[];
  messages(): number;
}

export function createCollector(maxMessages: number = IMPORT_LIMITS.maxMessagesTotal): Collector {
  const bundles: ConversationBundle[] = [];
  const skipped: SkippedConversation[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  return {
    bundles,
    skipped,
    messages: () => total,
    add(index, item) {
      if (!item.ok) {
        skipped.push({ index, title: item.title, reason: item.reason });
        return;
      }
      for (const bundle of item.bundles) {
        const { id, title } = bundle.conversation;
        const earlier = seen.get(id);
        if (earlier !== undefined) {
          skipped.push({ index, title, reason: `same conversation id ${quote(id)} as conversation ${earlier + 1}; the first one was kept.` });
          continue;
        }
        if (total + bundle.messages.length > maxMessages) {
          skipped.push({ index, title, reason: `the import is limited to ${maxMessages} messages; import the rest from a smaller file.` });
          continue;
        }
        seen.set(id, index);
        total += bundle.messages.length;
        bundles.push(bundle);
      }
    },
  };
}
