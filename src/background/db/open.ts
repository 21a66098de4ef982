import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, MIGRATIONS, type MigrationContext } from './migrations.ts';
import { DB_NAME, type GiveFirstDB } from './schema.ts';

/** Opens (and if needed upgrades) the database, running each pending migration in order. */
export function openDatabase(ctx: MigrationContext, version = DB_VERSION): Promise<IDBPDatabase<GiveFirstDB>> {
  return openDB<GiveFirstDB>(DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
        const migration = MIGRATIONS[v - 1];
        if (!migration) throw new Error(`No migration to version ${v}`);
        await migration(db, tx, ctx);
      }
    },
  });
}
