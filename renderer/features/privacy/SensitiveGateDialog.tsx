// The question before a message with sensitive data goes to a remote model: the text with each
// finding highlighted by category, and four ways on.
import { useEffect, useId, useRef } from 'react';
import { categoryLabel } from '../../../shared/sensitive/categories';
import { summarizeFindings } from '../../../shared/sensitive/redact';
import type { SensitiveCategory } from '../../../shared/sensitive/categories';
import { segmentsOf } from './gate-check';
import { useGate } from './gate-store';
import '../../ui/dialogs.css';
import './privacy.css';

export function SensitiveGateDialog() {
  const question = useGate((s) => s.question);
  const answer = useGate((s) => s.answer);
  const titleId = useId();
  const safeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (question) safeRef.current?.focus();
  }, [question]);

  if (!question) return null;
  const counts = Object.entries(summarizeFindings(question.findings)) as [SensitiveCategory, number][];

  return (
    <div className="privacy-backdrop" onKeyDown={(e) => e.key === 'Escape' && answer('cancel')}>
      <div className="privacy-dialog gate-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>This message may contain sensitive data</h2>
        <p>
          It is about to leave this computer for <strong>{question.connectionName}</strong>, a remote model. Enclave found:
        </p>
        <ul className="gate-counts" aria-label="Findings">
          {counts.map(([category, n]) => (
            <li key={category}>
              <span className={`cat-dot cat-${category}`} aria-hidden />
              {categoryLabel(category)}
              {n > 1 ? ` × ${n}` : ''}
            </li>
          ))}
        </ul>
        <div className="gate-text" tabIndex={0} aria-label="Your message, with findings highlighted">
          {segmentsOf(question.content, question.findings).map((s, i) =>
            s.finding ? (
              <mark key={i} className={`finding cat-${s.finding.category}`} title={s.finding.label} aria-label={`${s.finding.label}: ${s.text}`}>
                {s.text}
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </div>
        <div className="privacy-dialog-actions gate-actions">
          <button type="button" onClick={() => answer('cancel')}>
            Cancel
          </button>
          <button type="button" onClick={() => answer('local')}>
            Switch to a local model
          </button>
          {question.builtinName && (
            <button type="button" onClick={() => answer('builtin')} title={question.builtinName}>
              Send to the built-in model instead
            </button>
          )}
          <button type="button" className="danger" onClick={() => answer('send')}>
            Send anyway
          </button>
          <button type="button" className="primary" ref={safeRef} onClick={() => answer('redact')}>
            Send with findings redacted
          </button>
        </div>
        <p className="muted small">Redacted parts are replaced by a tag such as [REDACTED:payment-card]. Cancel keeps your draft.</p>
      </div>
    </div>
  );
}
