import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

// No statements: the four migrations before this one were written on parallel branches, each against
// the same earlier snapshot, and together they already make these changes. This migration only
// carries the combined schema snapshot (its .json), so the next `db:migrate:create` starts from it.
export async function up(_: MigrateUpArgs): Promise<void> {}

export async function down(_: MigrateDownArgs): Promise<void> {}
