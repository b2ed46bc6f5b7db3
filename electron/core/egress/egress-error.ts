// Thrown by egress before any socket opens. Providers' error classifier recognises it by `name`.
export class EgressRefusedError extends Error {
  override readonly name = 'EgressRefusedError';
  constructor(
    readonly reason: 'offline' | 'not-allowed' | 'bad-url',
    message: string,
  ) {
    super(message);
  }
}
