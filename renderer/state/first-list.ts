// The conversation list is what a person looks for first. It is asked for as the bundle starts,
// beside the lock state, instead of after the lock's answer and the app's first render: the
// list is in the store by the time the app mounts (bench section 8, cold start).
import { useConversations } from './conversations-store';

let early: Promise<void> | undefined;

export function loadListEarly(): void {
  early = useConversations.getState().loadList();
}

/** On the app's mount: the early load if it worked, else (refused while locked, failed, or a remount) a new one. */
export async function loadListOnMount(): Promise<void> {
  const pending = early;
  early = undefined;
  if (pending) {
    await pending;
    const { listLoaded, listError } = useConversations.getState();
    if (listLoaded && listError === undefined) return;
  }
  await useConversations.getState().loadList();
}
