// The page shown instead of the app when start-up cannot go on: one section per problem with
// what to do. Static HTML with inline styles only (no script), so it renders under the app's CSP.
import type { StartupProblem } from './self-check';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function failurePageHtml(problems: readonly StartupProblem[]): string {
  const sections = problems
    .map(
      (p) => `<section class="${p.blocking ? 'blocking' : 'warning'}">
  <h2>${escapeHtml(p.title)}</h2>
  <p>${escapeHtml(p.detail)}</p>
  <p class="fix"><strong>What to do:</strong> ${escapeHtml(p.fix)}</p>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Enclave could not start</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 44rem; margin: 4rem auto; padding: 0 1.5rem; line-height: 1.5; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; }
  .lead { opacity: .8; margin-top: 0; }
  section { border: 1px solid #8884; border-left: 4px solid #c62828; border-radius: 6px; padding: .25rem 1rem; margin: 1rem 0; }
  section.warning { border-left-color: #ef8f00; }
  h2 { font-size: 1.05rem; }
  p { overflow-wrap: anywhere; }
  .fix { background: #8881; padding: .5rem .75rem; border-radius: 4px; }
</style></head>
<body>
<h1>Enclave could not start</h1>
<p class="lead">Nothing was changed: your conversations, settings and keys are as they were. Fix the problem below, then start Enclave again.</p>
${sections}
</body></html>
`;
}

/** The same problems as plain text, for the terminal and logs. */
export function failureText(problems: readonly StartupProblem[]): string {
  return problems.map((p) => `${p.blocking ? 'Error' : 'Warning'}: ${p.title}\n  ${p.detail}\n  What to do: ${p.fix}`).join('\n');
}
