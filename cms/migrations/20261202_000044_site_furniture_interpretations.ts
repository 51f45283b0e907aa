import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`policy_interpretations_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`policy_interpretations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`policy_interpretations_change_notes_order_idx\` ON \`policy_interpretations_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`policy_interpretations_change_notes_parent_id_idx\` ON \`policy_interpretations_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`policy_interpretations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`policy_id\` text(36),
  	\`issuer\` text,
  	\`published_on\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`internal_remarks\` text,
  	\`last_edited_by_id\` text(36),
  	\`published_by_id\` text(36),
  	\`published_at\` text,
  	\`schedule_note\` text,
  	\`force_publish_reason\` text,
  	\`privacy_findings\` text,
  	\`pii_override_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`policy_interpretations_policy_idx\` ON \`policy_interpretations\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`policy_interpretations_last_edited_by_idx\` ON \`policy_interpretations\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policy_interpretations_published_by_idx\` ON \`policy_interpretations\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policy_interpretations_updated_at_idx\` ON \`policy_interpretations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`policy_interpretations_created_at_idx\` ON \`policy_interpretations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`policy_interpretations__status_idx\` ON \`policy_interpretations\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_policy_interpretations_v_version_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_policy_interpretations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_change_notes_order_idx\` ON \`_policy_interpretations_v_version_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_change_notes_parent_id_idx\` ON \`_policy_interpretations_v_version_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_policy_interpretations_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_policy_id\` text(36),
  	\`version_issuer\` text,
  	\`version_published_on\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_internal_remarks\` text,
  	\`version_last_edited_by_id\` text(36),
  	\`version_published_by_id\` text(36),
  	\`version_published_at\` text,
  	\`version_schedule_note\` text,
  	\`version_force_publish_reason\` text,
  	\`version_privacy_findings\` text,
  	\`version_pii_override_reason\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`policy_interpretations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_parent_idx\` ON \`_policy_interpretations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_version_policy_idx\` ON \`_policy_interpretations_v\` (\`version_policy_id\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_version_last_edited_by_idx\` ON \`_policy_interpretations_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_version_published_by_idx\` ON \`_policy_interpretations_v\` (\`version_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_version_updated_at_idx\` ON \`_policy_interpretations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_version_created_at_idx\` ON \`_policy_interpretations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_version_version__status_idx\` ON \`_policy_interpretations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_created_at_idx\` ON \`_policy_interpretations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_updated_at_idx\` ON \`_policy_interpretations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policy_interpretations_v_latest_idx\` ON \`_policy_interpretations_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`regions\` ADD \`office_phone\` text;`)
  await db.run(sql`ALTER TABLE \`regions\` ADD \`office_address\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`policy_interpretations_id\` text(36) REFERENCES policy_interpretations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policy_interpretations_id_idx\` ON \`payload_locked_documents_rels\` (\`policy_interpretations_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`website_code\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`icp_number\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`police_record_number\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`emblem_url\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`apply_disclosure_url\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`portal_name\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`portal_url\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`policy_interpretations_change_notes\`;`)
  await db.run(sql`DROP TABLE \`policy_interpretations\`;`)
  await db.run(sql`DROP TABLE \`_policy_interpretations_v_version_change_notes\`;`)
  await db.run(sql`DROP TABLE \`_policy_interpretations_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`notices_id\` text(36),
  	\`complaints_id\` text(36),
  	\`recipient_lists_id\` text(36),
  	\`recipient_rows_id\` text(36),
  	\`import_mappings_id\` text(36),
  	\`policies_id\` text(36),
  	\`guides_id\` text(36),
  	\`standards_id\` text(36),
  	\`media_id\` text(36),
  	\`programmes_id\` text(36),
  	\`regions_id\` text(36),
  	\`holidays_id\` text(36),
  	\`calendar_years_id\` text(36),
  	\`complaint_categories_id\` text(36),
  	\`reply_templates_id\` text(36),
  	\`complaint_files_id\` text(36),
  	\`users_id\` text(36),
  	\`audit_log_id\` text(36),
  	\`scheduled_runs_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaints_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recipient_lists_id\`) REFERENCES \`recipient_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recipient_rows_id\`) REFERENCES \`recipient_rows\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`import_mappings_id\`) REFERENCES \`import_mappings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`standards_id\`) REFERENCES \`standards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`programmes_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`calendar_years_id\`) REFERENCES \`calendar_years\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_categories_id\`) REFERENCES \`complaint_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reply_templates_id\`) REFERENCES \`reply_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_files_id\`) REFERENCES \`complaint_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scheduled_runs_id\`) REFERENCES \`scheduled_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "notices_id", "complaints_id", "recipient_lists_id", "recipient_rows_id", "import_mappings_id", "policies_id", "guides_id", "standards_id", "media_id", "programmes_id", "regions_id", "holidays_id", "calendar_years_id", "complaint_categories_id", "reply_templates_id", "complaint_files_id", "users_id", "audit_log_id", "scheduled_runs_id") SELECT "id", "order", "parent_id", "path", "notices_id", "complaints_id", "recipient_lists_id", "recipient_rows_id", "import_mappings_id", "policies_id", "guides_id", "standards_id", "media_id", "programmes_id", "regions_id", "holidays_id", "calendar_years_id", "complaint_categories_id", "reply_templates_id", "complaint_files_id", "users_id", "audit_log_id", "scheduled_runs_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaints_id_idx\` ON \`payload_locked_documents_rels\` (\`complaints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recipient_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`recipient_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recipient_rows_id_idx\` ON \`payload_locked_documents_rels\` (\`recipient_rows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_mappings_id_idx\` ON \`payload_locked_documents_rels\` (\`import_mappings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_standards_id_idx\` ON \`payload_locked_documents_rels\` (\`standards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_programmes_id_idx\` ON \`payload_locked_documents_rels\` (\`programmes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_calendar_years_id_idx\` ON \`payload_locked_documents_rels\` (\`calendar_years_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reply_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`reply_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_files_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scheduled_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`scheduled_runs_id\`);`)
  await db.run(sql`ALTER TABLE \`regions\` DROP COLUMN \`office_phone\`;`)
  await db.run(sql`ALTER TABLE \`regions\` DROP COLUMN \`office_address\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`website_code\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`icp_number\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`police_record_number\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`emblem_url\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`apply_disclosure_url\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`portal_name\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`portal_url\`;`)
}
