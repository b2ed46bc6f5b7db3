// Turns what keytar / libsecret / Keychain Services / Credential Manager throw into a sentence
// a person can act on. Raw messages are matched, never shown whole: they may name paths, and a
// backend we did not write could echo its input.
import { KeytarLoadError } from './keytar-like';

const LOCAL_HINT = 'or use local models, which need no key.';

export const KEYCHAIN_LOCKED = 'Your keychain is locked — unlock it and press Retry.';

// gnome-keyring: "Cannot create an item in a locked collection"; macOS: errSecInteractionNotAllowed.
const LOCKED = /locked collection|keyring is locked|keychain is locked|interaction is not allowed|errSecInteractionNotAllowed/i;

/** A keychain that is there but locked: the user can fix it in a second, so it is told apart. */
export function isLockedKeychainError(err: unknown): boolean {
  return LOCKED.test(rawMessage(err));
}

export const NO_SECRET_SERVICE = `No Secret Service is running (gnome-keyring or KWallet). Start one, ${LOCAL_HINT}`;

interface Rule {
  test: RegExp;
  message: string;
}

// libsecret goes through D-Bus: no session bus at all (headless, SSH, containers) shows up as
// an autolaunch failure; a bus without a secrets provider as ServiceUnknown / no .service file.
const LINUX_RULES: Rule[] = [
  {
    test: /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|Failed to connect to socket|org\.freedesktop\.DBus\.Error\.(NoServer|NotSupported|FileNotFound|Spawn)/i,
    message: NO_SECRET_SERVICE,
  },
  {
    test: /org\.freedesktop\.secrets was not provided|ServiceUnknown|not provided by any \.service files/i,
    message: NO_SECRET_SERVICE,
  },
  {
    // gnome-keyring with no default ("login") collection and no way to show the prompt that
    // would create one; see https://gitlab.gnome.org/GNOME/libsecret/-/issues/7
    test: /Object does not exist at path|collection\/login|No such object/i,
    message:
      'The keyring has no default collection and could not show a prompt to create one. Create or unlock a default keyring (Passwords and Keys / Seahorse, or KWallet), then try again, ' +
      LOCAL_HINT,
  },
];

const COMMON_RULES: Rule[] = [
  {
    test: /cancel|dismiss|denied by the user/i,
    message: 'The keychain prompt was dismissed, so the keychain stayed locked. Try again and unlock it, ' + LOCAL_HINT,
  },
  {
    test: /interaction is not allowed|locked|passphrase|errSecAuthFailed/i,
    message: 'The keychain is locked and could not be unlocked. Unlock it (for example your login keychain) and try again, ' + LOCAL_HINT,
  },
  {
    test: /access denied|not permitted|permission/i,
    message: 'The keychain refused access to Enclave. Allow Enclave in your keychain settings and try again, ' + LOCAL_HINT,
  },
];

function rawMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : '';
}

/** A human reason for a keychain failure. The raw message is matched, never repeated. */
export function describeKeychainError(err: unknown, platform: NodeJS.Platform = process.platform): string {
  if (err instanceof KeytarLoadError) {
    return `Enclave could not load its keychain module, so it cannot store keys. Reinstall Enclave, ${LOCAL_HINT}`;
  }
  const raw = rawMessage(err);
  if (isLockedKeychainError(err)) return KEYCHAIN_LOCKED;
  const rules = platform === 'linux' ? [...LINUX_RULES, ...COMMON_RULES] : COMMON_RULES;
  const hit = rules.find((r) => r.test.test(raw));
  if (hit) return hit.message;
  const where = platform === 'darwin' ? 'the macOS Keychain' : platform === 'win32' ? 'Windows Credential Manager' : 'the Secret Service (gnome-keyring or KWallet)';
  return `Enclave could not use ${where}. Check that it is available and unlocked, then try again, ${LOCAL_HINT}`;
}
