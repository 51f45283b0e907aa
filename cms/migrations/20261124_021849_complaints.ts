import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`complaints_internal_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`note\` text NOT NULL,
  	\`author_id\` text(36),
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_internal_notes_order_idx\` ON \`complaints_internal_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_internal_notes_parent_id_idx\` ON \`complaints_internal_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_internal_notes_author_idx\` ON \`complaints_internal_notes\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`complaints_pauses\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_pauses_order_idx\` ON \`complaints_pauses\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_pauses_parent_id_idx\` ON \`complaints_pauses\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`complaints_timeline\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`type\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_timeline_order_idx\` ON \`complaints_timeline\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_timeline_parent_id_idx\` ON \`complaints_timeline\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`complaints\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`tracking_code\` text,
  	\`query_password_for_caller\` text,
  	\`query_password_hash\` text,
  	\`idempotency_key\` text,
  	\`kind\` text NOT NULL,
  	\`category_id\` text(36) NOT NULL,
  	\`source\` text DEFAULT 'phone',
  	\`notice_id\` text(36),
  	\`notice_entry_no\` numeric,
  	\`region_id\` text(36),
  	\`anonymous\` integer DEFAULT false,
  	\`reporter_name\` text,
  	\`reporter_phone\` text,
  	\`content\` text NOT NULL,
  	\`status\` text DEFAULT 'received',
  	\`assigned_to_id\` text(36),
  	\`status_reason\` text,
  	\`transfer_to\` text,
  	\`extended\` integer,
  	\`extension_reason\` text,
  	\`clock\` text DEFAULT 'running',
  	\`pause_reason\` text,
  	\`reply_template_id\` text(36),
  	\`public_reply\` text,
  	\`received_at\` text,
  	\`acknowledge_due\` text,
  	\`resolve_due\` text,
  	\`deadline_warning\` text,
  	\`acknowledged_at\` text,
  	\`answered_at\` text,
  	\`closed_at\` text,
  	\`feedback_satisfied\` text,
  	\`feedback_note\` text,
  	\`feedback_at\` text,
  	\`recorded_by_id\` text(36),
  	\`tracking_failures\` numeric DEFAULT 0,
  	\`tracking_locked_until\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`complaint_categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`notice_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assigned_to_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reply_template_id\`) REFERENCES \`reply_templates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_tracking_code_idx\` ON \`complaints\` (\`tracking_code\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaints_idempotency_key_idx\` ON \`complaints\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`complaints_category_idx\` ON \`complaints\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_notice_idx\` ON \`complaints\` (\`notice_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_region_idx\` ON \`complaints\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_assigned_to_idx\` ON \`complaints\` (\`assigned_to_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_reply_template_idx\` ON \`complaints\` (\`reply_template_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_acknowledge_due_idx\` ON \`complaints\` (\`acknowledge_due\`);`)
  await db.run(sql`CREATE INDEX \`complaints_resolve_due_idx\` ON \`complaints\` (\`resolve_due\`);`)
  await db.run(sql`CREATE INDEX \`complaints_recorded_by_idx\` ON \`complaints\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_updated_at_idx\` ON \`complaints\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaints_created_at_idx\` ON \`complaints\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`complaints_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`complaint_files_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`complaints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`complaint_files_id\`) REFERENCES \`complaint_files\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`complaints_rels_order_idx\` ON \`complaints_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_parent_idx\` ON \`complaints_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_path_idx\` ON \`complaints_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`complaints_rels_complaint_files_id_idx\` ON \`complaints_rels\` (\`complaint_files_id\`);`)
  await db.run(sql`CREATE TABLE \`complaint_categories\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`description\` text,
  	\`acknowledge_days\` numeric DEFAULT 15 NOT NULL,
  	\`acknowledge_unit\` text DEFAULT 'calendar' NOT NULL,
  	\`resolve_days\` numeric DEFAULT 60 NOT NULL,
  	\`resolve_unit\` text DEFAULT 'calendar' NOT NULL,
  	\`extension_days\` numeric DEFAULT 30 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`complaint_categories_code_idx\` ON \`complaint_categories\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`complaint_categories_updated_at_idx\` ON \`complaint_categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaint_categories_created_at_idx\` ON \`complaint_categories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reply_templates\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`reply_templates_updated_at_idx\` ON \`reply_templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reply_templates_created_at_idx\` ON \`reply_templates\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`complaint_files\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`note\` text,
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
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`complaint_files_updated_at_idx\` ON \`complaint_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`complaint_files_created_at_idx\` ON \`complaint_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`complaint_files_filename_idx\` ON \`complaint_files\` (\`filename\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complaints_id\` text(36) REFERENCES complaints(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complaint_categories_id\` text(36) REFERENCES complaint_categories(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`reply_templates_id\` text(36) REFERENCES reply_templates(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`complaint_files_id\` text(36) REFERENCES complaint_files(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaints_id_idx\` ON \`payload_locked_documents_rels\` (\`complaints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reply_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`reply_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_complaint_files_id_idx\` ON \`payload_locked_documents_rels\` (\`complaint_files_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`complaints_internal_notes\`;`)
  await db.run(sql`DROP TABLE \`complaints_pauses\`;`)
  await db.run(sql`DROP TABLE \`complaints_timeline\`;`)
  await db.run(sql`DROP TABLE \`complaints\`;`)
  await db.run(sql`DROP TABLE \`complaints_rels\`;`)
  await db.run(sql`DROP TABLE \`complaint_categories\`;`)
  await db.run(sql`DROP TABLE \`reply_templates\`;`)
  await db.run(sql`DROP TABLE \`complaint_files\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`notices_id\` text(36),
  	\`recipient_lists_id\` text(36),
  	\`recipient_rows_id\` text(36),
  	\`policies_id\` text(36),
  	\`guides_id\` text(36),
  	\`standards_id\` text(36),
  	\`media_id\` text(36),
  	\`programmes_id\` text(36),
  	\`regions_id\` text(36),
  	\`holidays_id\` text(36),
  	\`calendar_years_id\` text(36),
  	\`users_id\` text(36),
  	\`audit_log_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recipient_lists_id\`) REFERENCES \`recipient_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`recipient_rows_id\`) REFERENCES \`recipient_rows\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`standards_id\`) REFERENCES \`standards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`programmes_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`calendar_years_id\`) REFERENCES \`calendar_years\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "notices_id", "recipient_lists_id", "recipient_rows_id", "policies_id", "guides_id", "standards_id", "media_id", "programmes_id", "regions_id", "holidays_id", "calendar_years_id", "users_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "notices_id", "recipient_lists_id", "recipient_rows_id", "policies_id", "guides_id", "standards_id", "media_id", "programmes_id", "regions_id", "holidays_id", "calendar_years_id", "users_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recipient_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`recipient_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recipient_rows_id_idx\` ON \`payload_locked_documents_rels\` (\`recipient_rows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_standards_id_idx\` ON \`payload_locked_documents_rels\` (\`standards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_programmes_id_idx\` ON \`payload_locked_documents_rels\` (\`programmes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_calendar_years_id_idx\` ON \`payload_locked_documents_rels\` (\`calendar_years_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
}
