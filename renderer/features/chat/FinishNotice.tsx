import type { MessageFinishInfo } from '../../../shared/types';
import { finishText } from './finish-text';

/** "Stopped at the token limit — Continue", and the same line for filters, refusals, tool calls. */
export function FinishNotice({ finish, onContinue }: { finish: MessageFinishInfo | undefined; onContinue: () => void }) {
  const text = finishText(finish);
  if (!text) return null;
  return (
    <div className={`finish-notice ${text.tone}`} role="status" data-finish={finish?.reason}>
      <span>{text.line}</span>
      {text.canContinue && (
        <>
          <span aria-hidden="true"> — </span>
          <button className="link-button" onClick={onContinue}>
            Continue
          </button>
        </>
      )}
      {/* The provider's word tells filters apart (SAFETY, RECITATION…); elsewhere it only repeats the line. */}
      {finish?.raw && finish.reason === 'content-filter' && (
        <span className="muted small" title="The provider's own finish reason">
          {' '}
          ({finish.raw})
        </span>
      )}
    </div>
  );
}
