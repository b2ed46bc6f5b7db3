// Turns a zod error into one sentence that says where and what:
//   conversations[3].mapping["a-b"].message.content.parts: expected array, received string
import type { z } from 'zod';

export function describeIssues(error: z.ZodError, root: string): string {
  const [first, ...rest] = error.issues;
  if (!first) return `${root}: invalid`;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return `${formatPath(root, first.path)}: ${issueText(first)}${more}`;
}

export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(shorten(String(key)))}]`;
  }
  return out === '' ? '(top level)' : out;
}

function issueText(issue: z.ZodError['issues'][number]): string {
  return issue.message.replace(/^Invalid input: /, '');
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
