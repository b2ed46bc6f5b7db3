// One message as an HTML section. Every value from the bundle passes through escapeHtml
// or textHtml; nothing is interpolated raw.
import type { Message } from '../types';
import { escapeHtml } from './html-escape';
import { textHtml } from './html-text';
import { isoOrNull } from './format-time';
import { formatSize, modelLabel, roleLabel, statusLabel } from './labels';

export function messageHtml(message: Message, time: (ms: number) => string): string {
  const parts = [`<section class="message ${message.role}">`, headHtml(message, time)];
  if (message.reasoning) {
    parts.push(`<blockquote class="reasoning"><p class="label">Reasoning</p>${textHtml(message.reasoning)}</blockquote>`);
  }
  const body = message.content.trim() === '' ? '<p class="attachment">(empty)</p>' : textHtml(message.content);
  parts.push(`<div class="content">${body}</div>`);
  for (const a of message.attachments ?? []) {
    const what = `Attachment: ${a.name} (${a.mimeType}, ${formatSize(a.size)})`;
    parts.push(`<p class="attachment">${escapeHtml(what)}</p>`);
  }
  if (message.error) parts.push(`<p class="error">Error: ${escapeHtml(message.error.message)}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function headHtml(message: Message, time: (ms: number) => string): string {
  const items = [`<span class="role">${escapeHtml(roleLabel(message.role))}</span>`];
  const model = modelLabel(message.model);
  if (model) items.push(`<span class="model">${escapeHtml(model)}</span>`);
  items.push(timeHtml(message.createdAt, time));
  const status = statusLabel(message);
  if (status) items.push(`<span class="status">${escapeHtml(status)}</span>`);
  return `<div class="message-head">${items.join(' · ')}</div>`;
}

export function timeHtml(ms: number, time: (ms: number) => string): string {
  const iso = isoOrNull(ms);
  const attr = iso ? ` datetime="${escapeHtml(iso)}"` : '';
  return `<time${attr}>${escapeHtml(time(ms))}</time>`;
}
