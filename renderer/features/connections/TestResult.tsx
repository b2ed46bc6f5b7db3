import { Check, X } from 'lucide-react';
import type { ConnectionTestResult } from '../../../shared/contract';
import { plural } from './format';

/** The outcome of "Test": latency and model count, or the provider's precise complaint. */
export function TestResult({ result }: { result: ConnectionTestResult | 'running' | undefined }) {
  if (result === undefined) return null;
  if (result === 'running') {
    return (
      <p className="muted small test-result" role="status">
        Testing…
      </p>
    );
  }
  if (result.ok) {
    return (
      <p className="ok-text small test-result" role="status">
        <Check size={14} aria-hidden /> Connected in {result.latencyMs} ms · {plural(result.modelCount ?? 0, 'model')}
      </p>
    );
  }
  const error = result.error;
  return (
    <div className="test-result test-failed" role="alert">
      <strong>
        <X size={14} aria-hidden /> {error?.message ?? 'The test failed.'}
      </strong>
      {(error?.status !== undefined || error?.detail) && (
        <p className="small provider-words">
          {error?.status !== undefined && <span className="badge">HTTP {error.status}</span>} {error?.detail}
        </p>
      )}
    </div>
  );
}
