// The open sensitive-data question, if any, and the promise waiting for its answer.
import { create } from 'zustand';
import type { Finding } from '../../../shared/sensitive/categories';
import type { GateChoice } from './gate-check';

export interface GateQuestion {
  content: string;
  findings: Finding[];
  connectionName: string;
  /** The built-in model offered instead, when one is installed. */
  builtinName?: string;
}

interface GateState {
  question?: GateQuestion;
  resolve?: (choice: GateChoice) => void;
  ask(question: GateQuestion): Promise<GateChoice>;
  answer(choice: GateChoice): void;
}

export const useGate = create<GateState>((set, get) => ({
  ask(question) {
    get().resolve?.('cancel');
    return new Promise<GateChoice>((resolve) => set({ question, resolve }));
  },
  answer(choice) {
    const { resolve } = get();
    set({ question: undefined, resolve: undefined });
    resolve?.(choice);
  },
}));
