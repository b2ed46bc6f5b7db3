// The conversation list is what a person looks for first. It and the lock state (which decides
// whether the app may show at all) are asked for together as the bundle starts, instead of one
// after the other and after the first render: both are in their stores by the time the app
// mounts (bench section 8, cold start).
import { call } from '../bridge/api';
import { useConversations } from './conversations-store';
import { useLock } from './lock-store';

let early: Promise<void> | undefined;
/** Resolves true once the early lock state is in its store, false when asking failed. */
let earlyLock: Promise<boolean> | undefined;

export function loadListEarly(): void {
  early = useConversations.getState().loadList();
  earlyLock = call('getLockState', {}).then(
    (state) => {
      // An activity poll may have answered first, and later: keep the newer answer.
      if (useLock.getState().state === undefined) useLock.getState().set(state);
      return true;
    },
    () => false,
  );
}

/** LockGate's first poll: the early answer if it came, else (it failed, or a remount) `poll` asks. */
export async function lockStateOnMount(poll: () => Promise<void>): Promise<void> {
  const pending = earlyLock;
  earlyLock = undefined;
  if (pending && (await pending)) return;
  await poll();
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
