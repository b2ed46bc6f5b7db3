// The export's only styling: inline, since the page's CSP allows nothing else. Readable on
// screen in light or dark mode, and plain black on white when printed.
export const HTML_STYLES = `
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #6e6e73; --line: #d2d2d7; --code: #f5f5f7;
  --user: #2f6feb; --assistant: #1a7f37; --system: #8250df; --branch: #bf8700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --muted: #a1a1a6; --line: #3a3a3c; --code: #1c1c1e;
    --user: #6ea8fe; --assistant: #56d364; --system: #bc8cff; --branch: #e3b341; }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.meta, .branch-note, footer { color: var(--muted); font-size: .875rem; }
.conversation + .conversation { margin-top: 3rem; padding-top: 2rem; border-top: 2px solid var(--line); }
.message { margin: 1.25rem 0; padding-left: .9rem; border-left: 3px solid var(--line); }
.message.user { border-color: var(--user); }
.message.assistant { border-color: var(--assistant); }
.message.system, .system-prompt { border-color: var(--system); }
.message-head { font-size: .875rem; color: var(--muted); margin-bottom: .35rem; }
.message-head .role { font-weight: 600; color: var(--fg); }
.status { color: #cf222e; }
.content p, .reasoning p, .system-prompt p { margin: .5rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.content h3, .content h4, .content h5, .content h6 { font-size: 1rem; margin: .9rem 0 .4rem; }
.content h3 { font-size: 1.1rem; }
.content ul, .content ol { padding-left: 1.5rem; margin: .5rem 0; }
.content li > p { margin: .2rem 0; }
.content blockquote { margin: .5rem 0; padding-left: .8rem; border-left: 3px solid var(--line); color: var(--muted); }
.content table { border-collapse: collapse; margin: .5rem 0; display: block; overflow-x: auto; }
.content th, .content td { border: 1px solid var(--line); padding: .25rem .6rem; }
.content hr { border: 0; border-top: 1px solid var(--line); }
.footnotes { font-size: .875rem; color: var(--muted); }
pre { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem;
  white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; }
pre .lang { display: block; color: var(--muted); font-size: .75rem; margin-bottom: .25rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
p code { background: var(--code); padding: 0 .25rem; border-radius: 4px; }
.reasoning, .system-prompt { margin: .5rem 0; padding: .25rem .8rem; border-left: 3px solid var(--line);
  color: var(--muted); font-size: .9rem; }
.reasoning .label, .system-prompt .label { font-weight: 600; margin: .25rem 0; }
.attachment, .image-ref { color: var(--muted); font-style: italic; }
.error { color: #cf222e; font-size: .9rem; }
.branch { margin: 1.5rem 0 1.5rem .5rem; padding-left: 1rem; border-left: 2px dashed var(--branch); }
.branch > h2 { font-size: 1rem; margin: 0; color: var(--branch); }
a { color: var(--user); }
footer { margin-top: 3rem; }
@page { margin: 16mm 14mm; }
@media print {
  :root { --fg: #000; --muted: #444; --line: #999; --code: #fff; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .conversation + .conversation { break-before: page; border-top: none; }
  .message-head, .branch > h2 { break-after: avoid; }
  pre, .reasoning { break-inside: avoid; }
  a { color: inherit; text-decoration: underline; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
`;
