import type { EnclaveApi } from '../../shared/contract';

declare global {
  interface Window {
    readonly enclave: EnclaveApi;
  }
}
