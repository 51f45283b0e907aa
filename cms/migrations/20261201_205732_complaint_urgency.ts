import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`complaints\` ADD \`urgency\` text;`)
  await db.run(sql`CREATE INDEX \`complaints_urgency_idx\` ON \`complaints\` (\`urgency\`);`)
  // Existing complaints get the key of cms/domain/complaintDeadlines.ts urgencyKey (each later save recomputes it).
  await db.run(sql`UPDATE \`complaints\` SET \`urgency\` = CASE
    WHEN \`status\` = 'received' AND \`acknowledge_due\` IS NOT NULL THEN '0-' || date(\`acknowledge_due\`, '+8 hours')
    WHEN \`status\` = 'accepted' AND \`resolve_due\` IS NOT NULL THEN '0-' || date(\`resolve_due\`, '+8 hours')
    ELSE '1-' || printf('%014d', 99999999999999 - CAST(COALESCE(strftime('%Y%m%d%H%M%S', \`received_at\`), '0') AS INTEGER))
  END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`complaints_urgency_idx\`;`)
  await db.run(sql`ALTER TABLE \`complaints\` DROP COLUMN \`urgency\`;`)
}
