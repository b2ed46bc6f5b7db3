// A value refused by the schema, as a value with a kind (thrown before anything is written).

export type SettingsErrorKind = 'invalid-setting' | 'unknown-setting';

export class SettingsError extends Error {
  constructor(
    readonly kind: SettingsErrorKind,
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}
