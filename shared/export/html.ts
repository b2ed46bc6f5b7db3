// One self-contained HTML file: inline CSS, no scripts, nothing loaded from anywhere, and a
// CSP that would block it all anyway. All text is escaped; see html-message.ts.
import type { ConversationBundle } from '../types';
import { timeFormatter, type ReadableExportOptions } from './export-options';
import { escapeHtml } from './html-escape';
import { messageHtml, timeHtml } from './html-message';
import { HTML_STYLES } from './html-styles';
import { textHtml } from './html-text';
import { branchNote, branchTitle, displayTitle, messageCountLabel } from './labels';
import { currentBranch, threadEvents, type ThreadEvent } from './thread-events';

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function toHtml(bundles: readonly ConversationBundle[], opts: ReadableExportOptions): string {
  const first = bundles[0];
  const title = bundles.length === 1 && first ? displayTitle(first.conversation.title) : `Enclave export: ${bundles.length} conversations`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${HTML_STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...bundles.map((bundle) => conversationHtml(bundle, opts)),
    '<footer>Exported from Enclave.</footer>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function conversationHtml(bundle: ConversationBundle, opts: ReadableExportOptions): string {
  const time = timeFormatter(opts);
  const { conversation } = bundle;
  const shown = opts.branches === 'all' ? bundle.messages.length : currentBranch(bundle).length;
  const meta = [
    `Created ${timeHtml(conversation.createdAt, time)}`,
    `Updated ${timeHtml(conversation.updatedAt, time)}`,
    escapeHtml(messageCountLabel(shown, bundle.messages.length)),
  ].join(' · ');
  const parts = ['<article class="conversation">', `<header><h1>${escapeHtml(displayTitle(conversation.title))}</h1><p class="meta">${meta}</p></header>`];
  if (conversation.systemPrompt) {
    parts.push(`<blockquote class="system-prompt"><p class="label">System prompt</p>${textHtml(conversation.systemPrompt)}</blockquote>`);
  }
  for (const event of threadEvents(bundle, opts.branches)) parts.push(eventHtml(event, time));
  parts.push('</article>');
  return parts.join('\n');
}

function eventHtml(event: ThreadEvent, time: (ms: number) => string): string {
  switch (event.kind) {
    case 'message':
      return messageHtml(event.message, time);
    case 'branch-start': {
      const current = event.current ? ' current' : '';
      const heading = escapeHtml(branchTitle(event));
      const note = escapeHtml(branchNote(event, time));
      return `<section class="branch${current}">\n<h2>${heading}</h2>\n<p class="branch-note">${note}</p>`;
    }
    case 'branch-end':
      return '</section>';
    default: {
      const unreachable: never = event;
      return String(unreachable);
    }
  }
}
