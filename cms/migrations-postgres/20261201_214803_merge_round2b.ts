import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * No statements: two branches wrote their migrations side by side (complaint urgency, security
 * settings), each with a snapshot that lacks the other's change. Both are applied before this one;
 * it only carries the combined snapshot (the .json beside it) so the next generated migration diffs
 * against the real schema.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
