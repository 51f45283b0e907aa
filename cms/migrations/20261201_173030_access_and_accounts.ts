import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`notices\` ADD \`schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` ADD \`version_schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`recipient_lists\` ADD \`schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`_recipient_lists_v\` ADD \`version_schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`standards\` ADD \`schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`_standards_v\` ADD \`version_schedule_note\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`region_id\` text(36) REFERENCES regions(id);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`last_edited_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`media_region_idx\` ON \`media\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`media_last_edited_by_idx\` ON \`media\` (\`last_edited_by_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`must_change_password\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`one_time_password_expires_at\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`totp_enabled\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`totp_secret\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`totp_pending_secret\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`two_factor_sessions\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_media\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`alt\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_web_url\` text,
  	\`sizes_web_width\` numeric,
  	\`sizes_web_height\` numeric,
  	\`sizes_web_mime_type\` text,
  	\`sizes_web_filesize\` numeric,
  	\`sizes_web_filename\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_media\`("id", "alt", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_web_url", "sizes_web_width", "sizes_web_height", "sizes_web_mime_type", "sizes_web_filesize", "sizes_web_filename") SELECT "id", "alt", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_web_url", "sizes_web_width", "sizes_web_height", "sizes_web_mime_type", "sizes_web_filesize", "sizes_web_filename" FROM \`media\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`ALTER TABLE \`__new_media\` RENAME TO \`media\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web_sizes_web_filename_idx\` ON \`media\` (\`sizes_web_filename\`);`)
  await db.run(sql`ALTER TABLE \`notices\` DROP COLUMN \`schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`_notices_v\` DROP COLUMN \`version_schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`recipient_lists\` DROP COLUMN \`schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`_recipient_lists_v\` DROP COLUMN \`version_schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`policies\` DROP COLUMN \`schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` DROP COLUMN \`version_schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`guides\` DROP COLUMN \`schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` DROP COLUMN \`version_schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`standards\` DROP COLUMN \`schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`_standards_v\` DROP COLUMN \`version_schedule_note\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`must_change_password\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`one_time_password_expires_at\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`totp_enabled\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`totp_secret\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`totp_pending_secret\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`two_factor_sessions\`;`)
}
