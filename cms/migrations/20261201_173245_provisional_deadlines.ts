import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`notices\` ADD \`ends_on_provisional\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`ends_on_revised_from\` text;`)
  await db.run(sql`ALTER TABLE \`notices\` ADD \`ends_on_revised_at\` text;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` ADD \`version_ends_on_provisional\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` ADD \`version_ends_on_revised_from\` text;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` ADD \`version_ends_on_revised_at\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`acknowledge_due_provisional\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`resolve_due_provisional\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`deadline_revision\` text;`)
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`deadline_revised_at\` text;`)
  // Open cases whose dates were left empty under the old refuse-an-unpublished-year rule: flagged, so
  // that entering the year's schedule computes them (their next save computes them provisionally).
  await db.run(sql`UPDATE \`complaints\` SET \`acknowledge_due_provisional\` = 1 WHERE \`acknowledge_due\` IS NULL AND \`status\` IN ('received', 'accepted');`)
  await db.run(sql`UPDATE \`complaints\` SET \`resolve_due_provisional\` = 1 WHERE \`resolve_due\` IS NULL AND \`status\` IN ('received', 'accepted');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`ends_on_provisional\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`ends_on_revised_from\`;`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`ends_on_revised_at\`;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` DROP COLUMN \`version_ends_on_provisional\`;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` DROP COLUMN \`version_ends_on_revised_from\`;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` DROP COLUMN \`version_ends_on_revised_at\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`acknowledge_due_provisional\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`resolve_due_provisional\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`deadline_revision\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`deadline_revised_at\`;`)
}
