// Turns an accepted File into the Attachment the contract carries: base64 for images, UTF-8 text
// for text files.
import type { Attachment } from '../../../shared/types';
import type { AttachmentKind } from './attachment-rules';

function read(file: File, as: 'dataUrl' | 'text'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    if (as === 'dataUrl') reader.readAsDataURL(file);
    else reader.readAsText(file);
  });
}

export async function readAttachment(file: File, kind: AttachmentKind): Promise<Attachment> {
  const base = { id: crypto.randomUUID(), name: file.name || (kind === 'image' ? 'pasted-image.png' : 'file.txt'), size: file.size, kind };
  if (kind === 'image') {
    const url = await read(file, 'dataUrl');
    return { ...base, mimeType: file.type, data: url.slice(url.indexOf(',') + 1) };
  }
  const text = await read(file, 'text');
  // A NUL byte means the "text" file is really binary: sending it would only waste context.
  if (text.includes('\u0000')) throw new Error(`${file.name} looks like a binary file, not text.`);
  return { ...base, mimeType: file.type || 'text/plain', data: text };
}
