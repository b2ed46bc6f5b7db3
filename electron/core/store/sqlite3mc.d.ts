// The package ships index.d.ts but its "exports" map has no "types" entry, so TypeScript's bundler
// resolution cannot find it. Declared here: only the part driver.ts uses.
declare module 'better-sqlite3-multiple-ciphers' {
  namespace Database {
    interface Database {
      prepare(sql: string): {
        run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
        get(...params: unknown[]): unknown;
        all(...params: unknown[]): unknown[];
        iterate(...params: unknown[]): IterableIterator<unknown>;
      };
      exec(sql: string): this;
      pragma(source: string): unknown;
      close(): this;
    }
  }
  const Database: new (path: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Database.Database;
  export default Database;
}
