// How a confirmed link leaves the app. Only the piece of window.enclave we use is typed here;
// main checks the address against its own allowlist again.
import { createContext, useContext } from 'react';

export type OpenExternalResult = { readonly ok: true; readonly value: { readonly opened: boolean } } | { readonly ok: false; readonly error: { readonly message: string } };

export type OpenExternal = (url: string) => Promise<OpenExternalResult>;

interface ExternalOpener {
  openExternal(request: { url: string }): Promise<OpenExternalResult>;
}

const openWithEnclave: OpenExternal = (url) => {
  const bridge: ExternalOpener | undefined = typeof window === 'undefined' ? undefined : window.enclave;
  if (!bridge) return Promise.resolve({ ok: false, error: { message: 'Opening links is not available here.' } });
  return bridge.openExternal({ url });
};

/** Lets a host (or a test) decide how confirmed links open; defaults to window.enclave. */
export const OpenExternalContext = createContext<OpenExternal>(openWithEnclave);

export function useOpenExternal(): OpenExternal {
  return useContext(OpenExternalContext);
}
