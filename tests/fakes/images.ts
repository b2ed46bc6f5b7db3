// Detects an image part in any provider's request body (docs/provider-wire-formats.md §2).
function isImagePart(node: Record<string, unknown>): boolean {
  const type = node['type'];
  // OpenAI chat `image_url`, Responses `input_image`, Anthropic `image`.
  if (type === 'image_url' || type === 'input_image' || type === 'image') return true;
  // Gemini `inlineData` / `fileData` with an image mime type.
  for (const key of ['inlineData', 'inline_data', 'fileData', 'file_data']) {
    const blob = node[key];
    if (typeof blob === 'object' && blob !== null) {
      const mime = (blob as Record<string, unknown>)['mimeType'] ?? (blob as Record<string, unknown>)['mime_type'];
      if (typeof mime === 'string' && mime.startsWith('image/')) return true;
    }
  }
  // Ollama native: `images: ["<base64>"]` on a message.
  const images = node['images'];
  return Array.isArray(images) && images.length > 0;
}

export function hasImage(body: unknown, depth = 0): boolean {
  if (depth > 12 || typeof body !== 'object' || body === null) return false;
  if (Array.isArray(body)) return body.some((item) => hasImage(item, depth + 1));
  const node = body as Record<string, unknown>;
  if (isImagePart(node)) return true;
  return Object.values(node).some((value) => hasImage(value, depth + 1));
}
