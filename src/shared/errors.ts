/**
 * An error meant for a person: its message is shown as is (to an admin in Discord, to a user of
 * the command line). Anything else that is thrown is a bug, logged in full and answered with a
 * generic apology.
 */
export class UserFacingError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserFacingError';
    this.code = code;
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}

/** A storage failure: never to be mistaken for "nothing stored". */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
