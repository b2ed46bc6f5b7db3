// Which message is being edited in place. A store rather than component state so the editor
// survives the virtualised list unmounting its row, and so a shortcut elsewhere can start it.
import { create } from 'zustand';

interface MessageEditState {
  editingId?: string;
  start(messageId: string): void;
  cancel(): void;
}

export const useMessageEdit = create<MessageEditState>((set) => ({
  start: (messageId) => set({ editingId: messageId }),
  cancel: () => set({ editingId: undefined }),
}));
