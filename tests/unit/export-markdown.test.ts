import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../shared/export/markdown';
import type { ConversationBundle, Message } from '../../shared/types';

function msg(id: string, parentId: string | null, role: Message['role'], content: string, createdAt: number): Message {
  return { id, conversationId: 'c', parentId, role, content, status: 'complete', createdAt, updatedAt: createdAt };
}

/** u1 → (a1 → u2 → (a2 | a3)) | a4 | a5 — three replies to u1, two to u2. */
const tree: ConversationBundle = {
  conversation: {
    id: 'c',
    title: 'Tree',
    createdAt: 0,
    updatedAt: 0,
    pinned: false,
    localOnly: false,
    currentLeafId: 'a3',
  },
  messages: [
    msg('u1', null, 'user', 'question one', 1000),
    msg('a1', 'u1', 'assistant', 'answer one', 2000),
    msg('a4', 'u1', 'assistant', 'answer four', 3000),
    msg('a5', 'u1', 'assistant', 'answer five', 4000),
    msg('u2', 'a1', 'user', 'question two', 5000),
    msg('a2', 'u2', 'assistant', 'answer two', 6000),
    msg('a3', 'u2', 'assistant', 'answer three', 7000),
  ],
};

describe('toMarkdown', () => {
  it('shows only the branch the user is looking at with branches: current', () => {
    const md = toMarkdown([tree], { branches: 'current' });
    const shown = ['question one', 'answer one', 'question two', 'answer three'];
    for (const text of shown) expect(md).toContain(text);
    for (const text of ['answer two', 'answer four', 'answer five']) expect(md).not.toContain(text);
    expect(md).not.toContain('Branch');
    expect(md).toContain('4 of 7 messages (current branch)');
  });

  it('labels every alternative with its position and marks the current one', () => {
    const md = toMarkdown([tree], { branches: 'all' });
    const headings = md.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Branch 1 (1 of 3) · current', '## Branch 1.1 (1 of 2)', '## Branch 1.2 (2 of 2) · current', '## Branch 2 (2 of 3)', '## Branch 3 (3 of 3)']);
    // Reading order: each branch's messages follow its heading.
    const order = [
      'question one',
      'Branch 1 (',
      'answer one',
      'question two',
      'Branch 1.1',
      'answer two',
      'Branch 1.2',
      'answer three',
      'Branch 2 (',
      'answer four',
      'Branch 3 (',
      'answer five',
    ];
    const positions = order.map((text) => md.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('names the model and connection, quotes reasoning, and keeps message headings below its own', () => {
    const bundle: ConversationBundle = {
      ...tree,
      conversation: { ...tree.conversation, currentLeafId: 'a' },
      messages: [
        {
          ...msg('a', null, 'assistant', '# Big heading\n\n```md\n# not a heading\n```', 0),
          reasoning: 'step one\n\nstep two',
          model: { connectionId: 'x', modelId: 'gpt-4o', connectionName: 'Work OpenAI' },
        },
      ],
    };
    const md = toMarkdown([bundle], { branches: 'current' });
    expect(md).toContain('### Assistant · gpt-4o (Work OpenAI) · 1970-01-01 00:00 UTC');
    expect(md).toContain('> **Reasoning**\n>\n> step one\n>\n> step two');
    expect(md).toContain('\n#### Big heading\n');
    expect(md).toContain('```md\n# not a heading\n```');
  });

  it('uses the injected time format', () => {
    const md = toMarkdown([tree], { branches: 'current', formatTime: (ms) => `t=${ms}` });
    expect(md).toContain('### User · t=1000');
  });

  it('escapes Markdown and HTML in titles', () => {
    const bundle = { ...tree, conversation: { ...tree.conversation, title: '<script>x</script> [a](b)' } };
    expect(toMarkdown([bundle], { branches: 'current' })).toContain('# \\<script\\>x\\</script\\> \\[a\\](b)');
  });
});
