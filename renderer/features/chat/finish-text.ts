// What a person is told about how a reply ended, when it did not simply end. Pure, so the
// wording is tested without a browser.
import type { MessageFinishInfo } from '../../../shared/types';

export interface FinishText {
  /** The short line shown under the reply. */
  line: string;
  /** Only a length cut can be picked up where it stopped. */
  canContinue: boolean;
  tone: 'warn' | 'info';
}

export function finishText(finish: MessageFinishInfo | undefined): FinishText | undefined {
  if (!finish) return undefined;
  const tools = finish.toolCalls?.length ? finish.toolCalls.join(', ') : undefined;
  switch (finish.reason) {
    case 'stop':
    case 'aborted':
      return undefined;
    case 'length':
      return { line: 'Stopped at the token limit', canContinue: true, tone: 'warn' };
    case 'content-filter':
      return { line: "Stopped by the provider's content filter", canContinue: false, tone: 'warn' };
    case 'refusal':
      return { line: 'The model declined to answer', canContinue: false, tone: 'warn' };
    case 'tool-calls':
      return { line: `The model asked to call ${tools ? `a tool (${tools})` : 'a tool'}, which Enclave does not run`, canContinue: false, tone: 'info' };
    case 'error':
      return { line: 'The provider ended the reply with an error', canContinue: false, tone: 'warn' };
    case 'other':
      return { line: `The provider ended the reply for another reason${finish.raw ? ` (${finish.raw})` : ''}`, canContinue: false, tone: 'info' };
    default: {
      const unknown: never = finish.reason;
      return { line: `The reply ended: ${String(unknown)}`, canContinue: false, tone: 'info' };
    }
  }
}
