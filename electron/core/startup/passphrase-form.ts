// The start-up page's passphrase form, for a data folder whose database key is a passphrase (no
// keychain). Static HTML with no script: a plain form POST to `PASSPHRASE_FORM_PATH`, which main
// and the harness answer through `createPassphraseGate`. The body is validated here, with caps.
import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../crypto/passphrase';

export const PASSPHRASE_FORM_PATH = '/__startup/passphrase';
/** A form body larger than this is refused before it is parsed. */
export const PASSPHRASE_FORM_MAX_BYTES = 16 * 1024;
export const MAX_PASSPHRASE_LENGTH = 1024;

/** The page's own policy: no script at all, and the form may post only to its own origin. */
export const PASSPHRASE_PAGE_CSP = ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join('; ');

const PassphraseFormSchema = z.object({
  passphrase: z
    .string({ error: 'Type your passphrase.' })
    .min(1, 'Type your passphrase.')
    .max(MAX_PASSPHRASE_LENGTH, `A passphrase has at most ${MAX_PASSPHRASE_LENGTH} characters.`),
  confirm: z.string().max(MAX_PASSPHRASE_LENGTH).optional(),
});
export type PassphraseForm = z.infer<typeof PassphraseFormSchema>;

/** An `application/x-www-form-urlencoded` body as the form, or the words to show instead. */
export function parsePassphraseForm(body: string): { ok: true; form: PassphraseForm } | { ok: false; message: string } {
  if (Buffer.byteLength(body) > PASSPHRASE_FORM_MAX_BYTES) return { ok: false, message: 'That form was too large to be a passphrase.' };
  const params = new URLSearchParams(body);
  const raw: Record<string, string> = {};
  for (const name of ['passphrase', 'confirm']) {
    const value = params.get(name);
    if (value !== null) raw[name] = value;
  }
  const parsed = PassphraseFormSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'That form could not be read.' };
  return { ok: true, form: parsed.data };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface PassphrasePageOptions {
  firstRun: boolean;
  /** Where the form posts: PASSPHRASE_FORM_PATH, plus the harness's token. */
  action: string;
  /** The answer to the last try, shown above the form. */
  message?: string;
}

export function passphrasePageHtml(opts: PassphrasePageOptions): string {
  const min = MIN_PASSPHRASE_LENGTH;
  const title = opts.firstRun ? 'Choose a passphrase for your conversations' : 'Enter your passphrase';
  const lead = opts.firstRun
    ? 'No system keychain is available to hold the key of your conversation database, so Enclave encrypts it with a passphrase you choose. You will type it each time Enclave starts.'
    : 'Your conversation database is encrypted with your passphrase. Enter it to open Enclave.';
  const fields = opts.firstRun
    ? `<label for="passphrase">Passphrase <span class="hint">(at least ${min} characters)</span></label>
  <input id="passphrase" name="passphrase" type="password" minlength="${min}" maxlength="${MAX_PASSPHRASE_LENGTH}" autocomplete="new-password" required autofocus>
  <label for="confirm">The same passphrase again</label>
  <input id="confirm" name="confirm" type="password" minlength="${min}" maxlength="${MAX_PASSPHRASE_LENGTH}" autocomplete="new-password" required>
  <p class="warning" role="note"><strong>If you forget this passphrase, your conversations cannot be read.</strong> Nobody can recover it: not Enclave, not its makers. Keep it somewhere safe, such as a password manager.</p>
  <button type="submit">Encrypt and open Enclave</button>`
    : `<label for="passphrase">Passphrase</label>
  <input id="passphrase" name="passphrase" type="password" maxlength="${MAX_PASSPHRASE_LENGTH}" autocomplete="current-password" required autofocus>
  <button type="submit">Open Enclave</button>`;
  const message = opts.message ? `<p class="message" role="alert">${escapeHtml(opts.message)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — Enclave</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; --accent: #2f5fd0; --line: #8886; }
  @media (prefers-color-scheme: dark) { :root { --accent: #7ea2ff; } }
  body { max-width: 30rem; margin: 5rem auto; padding: 0 1.5rem; line-height: 1.5; }
  h1 { font-size: 1.4rem; margin-bottom: .25rem; }
  .lead { opacity: .85; margin-top: 0; }
  form { display: grid; gap: .4rem; margin-top: 1.25rem; }
  label { font-weight: 600; margin-top: .5rem; }
  .hint { font-weight: 400; opacity: .75; }
  input { font: inherit; padding: .5rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: transparent; color: inherit; }
  input:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
  button { font: inherit; font-weight: 600; margin-top: .75rem; padding: .55rem 1rem; border: 0; border-radius: 6px; background: var(--accent); color: Canvas; cursor: pointer; justify-self: start; }
  .warning { border-left: 4px solid #ef8f00; background: #ef8f0018; padding: .5rem .75rem; border-radius: 4px; margin: .75rem 0 0; }
  .message { border-left: 4px solid #c62828; background: #c6282818; padding: .5rem .75rem; border-radius: 4px; overflow-wrap: anywhere; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="lead">${escapeHtml(lead)}</p>
${message}
<form method="post" action="${escapeHtml(opts.action)}" aria-label="${escapeHtml(title)}">
  ${fields}
</form>
</body></html>
`;
}

/** Shown by main while the engine opens after the right passphrase (the window then loads the app). */
export const OPENING_PAGE_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Enclave</title><style>:root{color-scheme:light dark;font-family:system-ui,sans-serif}body{margin:5rem auto;max-width:30rem}</style></head><body><p>Opening your conversations…</p></body></html>';
