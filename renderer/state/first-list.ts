// The conversation list is what a person looks for first. It and the lock state (which decides
// whether the app may show at all) are asked for together as the bundle starts, instead of one
// after the other and after the first render: both are in their stores by the time the app
// mounts (bench section 8, cold start).
import { call } from '../bridge/api';
import { useConversations } from './conversations-store';
import { useLock } from './lock-store';

let early: Promise<void> | undefined;

export function loadListEarly(): void {
  early = useConversations.getState().loadList();
  void call('getLockState', {}).then(
    (state) => {
      // LockGate's own poll may have answered first, and later.
      if (useLock.getState().state === undefined) useLock.getState().set(state);
    },
    () => undefined, // LockGate's own poll asks again
  );
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
