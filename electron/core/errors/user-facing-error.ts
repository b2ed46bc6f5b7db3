// A failure the user should read, thrown by any part of the engine. Its ChatError travels to the
// renderer as a value (see errors/error-map.ts); it is not a transport concern.
import type { ChatError } from '../../../shared/types';

export class UserFacingError extends Error {
  constructor(readonly chatError: ChatError) {
    super(chatError.message);
    this.name = 'UserFacingError';
  }
}
