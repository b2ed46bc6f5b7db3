// Readable Markdown export: one document, a section per conversation. Message text is
// already Markdown, so it is written as is; our own structure uses headings, italics and
// block quotes that any Markdown viewer shows well.
import type { ConversationBundle, Message } from '../types';
import { timeFormatter, type ReadableExportOptions } from './export-options';
import { branchNote, branchTitle, displayTitle, formatSize, messageCountLabel, modelLabel, roleLabel, statusLabel } from './labels';
import { demoteHeadings, escapeMarkdown } from './markdown-text';
import { currentBranch, threadEvents, type ThreadEvent } from './thread-events';

export function toMarkdown(bundles: readonly ConversationBundle[], opts: ReadableExportOptions): string {
  const sections = bundles.map((bundle) => conversationMarkdown(bundle, opts));
  return `${sections.join('\n\n---\n\n')}\n`;
}

function conversationMarkdown(bundle: ConversationBundle, opts: ReadableExportOptions): string {
  const time = timeFormatter(opts);
  const { conversation } = bundle;
  const shown = opts.branches === 'all' ? bundle.messages.length : currentBranch(bundle).length;
  const blocks = [
    `# ${escapeMarkdown(displayTitle(conversation.title))}`,
    [`Created ${time(conversation.createdAt)}`, `Updated ${time(conversation.updatedAt)}`, messageCountLabel(shown, bundle.messages.length)].join(' · '),
  ];
  if (conversation.systemPrompt) blocks.push(quote('System prompt', demoteHeadings(conversation.systemPrompt)));
  for (const event of threadEvents(bundle, opts.branches)) {
    const block = eventMarkdown(event, time);
    if (block !== null) blocks.push(block);
  }
  return blocks.join('\n\n');
}

function eventMarkdown(event: ThreadEvent, time: (ms: number) => string): string | null {
  switch (event.kind) {
    case 'message':
      return messageMarkdown(event.message, time);
    case 'branch-start':
      return `## ${branchTitle(event)}\n\n_${branchNote(event, time)}_`;
    case 'branch-end':
      return null;
    default: {
      const unreachable: never = event;
      return String(unreachable);
    }
  }
}

function messageMarkdown(message: Message, time: (ms: number) => string): string {
  const model = modelLabel(message.model);
  const head = [roleLabel(message.role), model && escapeMarkdown(model), time(message.createdAt), statusLabel(message)].filter((part): part is string => part !== null).join(' · ');
  const blocks = [`### ${head}`];
  if (message.reasoning) blocks.push(quote('Reasoning', demoteHeadings(message.reasoning)));
  blocks.push(message.content.trim() === '' ? '_(empty)_' : demoteHeadings(message.content.replace(/\s+$/, '')));
  for (const a of message.attachments ?? []) {
    blocks.push(`_Attachment: ${escapeMarkdown(`${oneLine(a.name)} (${a.mimeType}, ${formatSize(a.size)})`)}_`);
  }
  if (message.error) blocks.push(`> **Error:** ${escapeMarkdown(oneLine(message.error.message))}`);
  return blocks.join('\n\n');
}

/** A labelled block quote; every line quoted so the label and text stay together. */
function quote(label: string, text: string): string {
  const lines = text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`));
  return [`> **${label}**`, '>', ...lines].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
