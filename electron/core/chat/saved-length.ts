// A finished reply is read back after it is saved; if the saved text is shorter than what was
// streamed (a lost buffered write, a bug in the store), the user must hear it while the text is
// still on screen to copy, not discover it in history later.

export function savedLengthNotice(opts: { streamedChars: number; savedChars: number; conversationTitle: string }): string | undefined {
  if (opts.savedChars >= opts.streamedChars) return undefined;
  return (
    `A reply in “${opts.conversationTitle}” was saved shorter than it arrived (${opts.savedChars} of ${opts.streamedChars} characters). ` +
    'Copy it from the screen before you leave the conversation, and use Retry to get a full copy.'
  );
}
