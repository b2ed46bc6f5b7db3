// A fixed database key for store tests that open the database themselves (the app makes a random
// one and keeps it in the keychain: see electron/core/store/database-key.ts).
export const TEST_DB_KEY = Buffer.alloc(32, 0x5e);
