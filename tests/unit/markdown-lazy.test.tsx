// Math and highlighting load after the first paint (their chunk is most of the Markdown stack):
// before they arrive a reply still reads correctly, plain text does not change when they do,
// and every mounted reply is told to render again with them.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
import { loadRichMarkdown, markdownVersion, onMarkdownVersion } from '../../renderer/features/markdown/markdown-processor';

const render = (text: string): string => renderToStaticMarkup(<MessageMarkdown text={text} streaming={false} />);

const MATH = 'Euler: $e^{i\\pi} + 1 = 0$';
const CODE = '```ts\nconst x = 1;\n```';
const PLAIN = 'A paragraph with **bold**, a [link](https://example.com) and a list:\n\n- one\n- two';

describe('Markdown before and after math and highlighting load', () => {
  it('shows math as its source and code unhighlighted until they load, then renders both', async () => {
    const mathBefore = render(MATH);
    expect(mathBefore).not.toContain('class="katex"');
    expect(mathBefore).toContain('e^{i\\pi} + 1 = 0');
    expect(render(CODE)).not.toContain('hljs-');
    const plainBefore = render(PLAIN);

    const heard: number[] = [];
    const stop = onMarkdownVersion(() => heard.push(markdownVersion()));
    await Promise.all([loadRichMarkdown(), loadRichMarkdown()]);
    stop();

    expect(heard).toHaveLength(1);
    expect(render(MATH)).toContain('class="katex"');
    expect(render(CODE)).toContain('<span class="hljs-keyword">const</span>');
    expect(render(PLAIN)).toBe(plainBefore);
  });
});
