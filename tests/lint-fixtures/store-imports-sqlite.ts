// Deliberately broken: a store file opening SQLite itself instead of through driver.ts.
import Database from 'better-sqlite3-multiple-ciphers';

export const db = new Database(':memory:');
