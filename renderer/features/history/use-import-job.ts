// Starts an import in the engine and follows it: progress while it runs, then its report.
// Polls importStatus (a few times a second is plenty for a progress bar); Cancel asks the
// engine to stop, which rolls the write back so nothing is added.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../../../shared/contract';
import { call, errorMessage } from '../../bridge/api';
import { useConversations } from '../../state/conversations-store';

export type ImportState =
  | { kind: 'choosing' }
  | { kind: 'running'; name: string; size: number; importId: string | null; phase: string; percent: number; cancelling: boolean }
  | { kind: 'done'; name: string; summary: ImportSummary }
  | { kind: 'cancelled'; name: string }
  | { kind: 'error'; name: string; message: string };

const POLL_MS = 150;

export function useImportJob() {
  const [state, setState] = useState<ImportState>({ kind: 'choosing' });
  const alive = useRef(true);
  /** Cancel can be pressed before the engine has answered with an id: it is sent as soon as one arrives. */
  const cancelWanted = useRef(false);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(async (file: File, content: string) => {
    const name = file.name;
    const base = { kind: 'running', name, size: file.size, phase: 'reading', percent: 0, cancelling: false } as const;
    cancelWanted.current = false;
    setState({ ...base, importId: null });
    try {
      const { importId } = await call('startImport', { filename: name.slice(0, 500), content });
      if (cancelWanted.current) await call('cancelImport', { importId });
      setState((s) => (s.kind === 'running' ? { ...s, importId } : s));
      for (;;) {
        const status = await call('importStatus', { importId });
        if (!alive.current) return;
        if (status.state === 'running') {
          setState((s) => (s.kind === 'running' ? { ...s, phase: status.phase, percent: status.percent } : s));
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          continue;
        }
        if (status.state === 'done') {
          setState({ kind: 'done', name, summary: status.summary });
          if (status.summary.conversations > 0) await useConversations.getState().loadList();
        } else if (status.state === 'cancelled') {
          setState({ kind: 'cancelled', name });
        } else {
          setState({ kind: 'error', name, message: status.message });
        }
        return;
      }
    } catch (err) {
      const message = errorMessage(err);
      setState({ kind: 'error', name, message: message.startsWith('Nothing was imported') ? message : `Nothing was imported: ${message}` });
    }
  }, []);

  const cancel = useCallback(async () => {
    if (state.kind !== 'running') return;
    cancelWanted.current = true;
    setState({ ...state, cancelling: true });
    if (state.importId) await call('cancelImport', { importId: state.importId }).catch(() => undefined);
  }, [state]);

  const fail = useCallback((name: string, message: string) => setState({ kind: 'error', name, message }), []);

  return { state, start, cancel, fail };
}
