// Why remote models cannot be used right now, if they cannot: offline mode, or a conversation
// locked to local models. One wording for the picker and the composer.
export function remoteUnavailable(offline: boolean, localOnly: boolean): string | undefined {
  if (offline) return 'offline mode is on';
  if (localOnly) return 'this chat is local-only';
  return undefined;
}
