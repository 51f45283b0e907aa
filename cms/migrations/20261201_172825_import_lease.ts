import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`recipient_lists\` ADD \`import_lease\` text;`)
  await db.run(sql`ALTER TABLE \`_recipient_lists_v\` ADD \`version_import_lease\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`recipient_lists\` DROP COLUMN \`import_lease\`;`)
  await db.run(sql`ALTER TABLE \`_recipient_lists_v\` DROP COLUMN \`version_import_lease\`;`)
}
