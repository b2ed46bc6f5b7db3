// A store reaching into a feature: features use state, never the other way round.
import { useMessageEdit } from '../features/chat/edit-store';

export const editing = useMessageEdit;
