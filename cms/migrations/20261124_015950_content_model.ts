import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`notices_entries\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`head_name\` text,
  	\`id_number\` text,
  	\`household_size\` numeric,
  	\`amount\` numeric,
  	\`category\` text,
  	\`village_id\` text(36),
  	FOREIGN KEY (\`village_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_entries_order_idx\` ON \`notices_entries\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`notices_entries_parent_id_idx\` ON \`notices_entries\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_entries_village_idx\` ON \`notices_entries\` (\`village_id\`);`)
  await db.run(sql`CREATE TABLE \`notices_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_change_notes_order_idx\` ON \`notices_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`notices_change_notes_parent_id_idx\` ON \`notices_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`notices\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`programme_id\` text(36),
  	\`kind\` text DEFAULT 'apply',
  	\`stage\` text DEFAULT 'village',
  	\`region_id\` text(36),
  	\`batch\` text,
  	\`previous_notice_id\` text(36),
  	\`posted_on\` text,
  	\`ends_on\` text,
  	\`stage_label\` text,
  	\`stage_index\` numeric,
  	\`stage_count\` numeric,
  	\`period_rule\` text,
  	\`objection_contact\` text,
  	\`board_photo_id\` text(36),
  	\`board_posted_at\` text,
  	\`withdrawn_at\` text,
  	\`withdraw_reason\` text,
  	\`internal_remarks\` text,
  	\`last_edited_by_id\` text(36),
  	\`published_by_id\` text(36),
  	\`published_at\` text,
  	\`force_publish_reason\` text,
  	\`privacy_findings\` text,
  	\`pii_override_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`previous_notice_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`board_photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notices_programme_idx\` ON \`notices\` (\`programme_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_region_idx\` ON \`notices\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_previous_notice_idx\` ON \`notices\` (\`previous_notice_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_board_photo_idx\` ON \`notices\` (\`board_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_last_edited_by_idx\` ON \`notices\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_published_by_idx\` ON \`notices\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_updated_at_idx\` ON \`notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_created_at_idx\` ON \`notices\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`notices__status_idx\` ON \`notices\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v_version_entries\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`head_name\` text,
  	\`id_number\` text,
  	\`household_size\` numeric,
  	\`amount\` numeric,
  	\`category\` text,
  	\`village_id\` text(36),
  	\`_uuid\` text,
  	FOREIGN KEY (\`village_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_notices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_version_entries_order_idx\` ON \`_notices_v_version_entries\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_entries_parent_id_idx\` ON \`_notices_v_version_entries\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_entries_village_idx\` ON \`_notices_v_version_entries\` (\`village_id\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v_version_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_notices_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_version_change_notes_order_idx\` ON \`_notices_v_version_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_change_notes_parent_id_idx\` ON \`_notices_v_version_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_notices_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_programme_id\` text(36),
  	\`version_kind\` text DEFAULT 'apply',
  	\`version_stage\` text DEFAULT 'village',
  	\`version_region_id\` text(36),
  	\`version_batch\` text,
  	\`version_previous_notice_id\` text(36),
  	\`version_posted_on\` text,
  	\`version_ends_on\` text,
  	\`version_stage_label\` text,
  	\`version_stage_index\` numeric,
  	\`version_stage_count\` numeric,
  	\`version_period_rule\` text,
  	\`version_objection_contact\` text,
  	\`version_board_photo_id\` text(36),
  	\`version_board_posted_at\` text,
  	\`version_withdrawn_at\` text,
  	\`version_withdraw_reason\` text,
  	\`version_internal_remarks\` text,
  	\`version_last_edited_by_id\` text(36),
  	\`version_published_by_id\` text(36),
  	\`version_published_at\` text,
  	\`version_force_publish_reason\` text,
  	\`version_privacy_findings\` text,
  	\`version_pii_override_reason\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_previous_notice_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_board_photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_notices_v_parent_idx\` ON \`_notices_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_programme_idx\` ON \`_notices_v\` (\`version_programme_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_region_idx\` ON \`_notices_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_previous_notice_idx\` ON \`_notices_v\` (\`version_previous_notice_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_board_photo_idx\` ON \`_notices_v\` (\`version_board_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_last_edited_by_idx\` ON \`_notices_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_published_by_idx\` ON \`_notices_v\` (\`version_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_updated_at_idx\` ON \`_notices_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version_created_at_idx\` ON \`_notices_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_version_version__status_idx\` ON \`_notices_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_created_at_idx\` ON \`_notices_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_updated_at_idx\` ON \`_notices_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_notices_v_latest_idx\` ON \`_notices_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`recipient_lists_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`recipient_lists\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`recipient_lists_change_notes_order_idx\` ON \`recipient_lists_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists_change_notes_parent_id_idx\` ON \`recipient_lists_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`recipient_lists\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text DEFAULT 'disbursement',
  	\`programme_id\` text(36),
  	\`region_id\` text(36),
  	\`month\` text,
  	\`import_status\` text DEFAULT 'importing',
  	\`totals_households\` numeric,
  	\`totals_persons\` numeric,
  	\`totals_amount\` numeric,
  	\`changes\` text,
  	\`source_file_name\` text,
  	\`source_sha256\` text,
  	\`source_imported_at\` text,
  	\`withdrawn_at\` text,
  	\`withdraw_reason\` text,
  	\`internal_remarks\` text,
  	\`last_edited_by_id\` text(36),
  	\`published_by_id\` text(36),
  	\`published_at\` text,
  	\`force_publish_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`recipient_lists_programme_idx\` ON \`recipient_lists\` (\`programme_id\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists_region_idx\` ON \`recipient_lists\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists_month_idx\` ON \`recipient_lists\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists_last_edited_by_idx\` ON \`recipient_lists\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists_published_by_idx\` ON \`recipient_lists\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists_updated_at_idx\` ON \`recipient_lists\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists_created_at_idx\` ON \`recipient_lists\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`recipient_lists__status_idx\` ON \`recipient_lists\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_recipient_lists_v_version_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_recipient_lists_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_change_notes_order_idx\` ON \`_recipient_lists_v_version_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_change_notes_parent_id_idx\` ON \`_recipient_lists_v_version_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_recipient_lists_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_kind\` text DEFAULT 'disbursement',
  	\`version_programme_id\` text(36),
  	\`version_region_id\` text(36),
  	\`version_month\` text,
  	\`version_import_status\` text DEFAULT 'importing',
  	\`version_totals_households\` numeric,
  	\`version_totals_persons\` numeric,
  	\`version_totals_amount\` numeric,
  	\`version_changes\` text,
  	\`version_source_file_name\` text,
  	\`version_source_sha256\` text,
  	\`version_source_imported_at\` text,
  	\`version_withdrawn_at\` text,
  	\`version_withdraw_reason\` text,
  	\`version_internal_remarks\` text,
  	\`version_last_edited_by_id\` text(36),
  	\`version_published_by_id\` text(36),
  	\`version_published_at\` text,
  	\`version_force_publish_reason\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`recipient_lists\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_parent_idx\` ON \`_recipient_lists_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version_programme_idx\` ON \`_recipient_lists_v\` (\`version_programme_id\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version_region_idx\` ON \`_recipient_lists_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version_month_idx\` ON \`_recipient_lists_v\` (\`version_month\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version_last_edited_by_idx\` ON \`_recipient_lists_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version_published_by_idx\` ON \`_recipient_lists_v\` (\`version_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version_updated_at_idx\` ON \`_recipient_lists_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version_created_at_idx\` ON \`_recipient_lists_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_version_version__status_idx\` ON \`_recipient_lists_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_created_at_idx\` ON \`_recipient_lists_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_updated_at_idx\` ON \`_recipient_lists_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_recipient_lists_v_latest_idx\` ON \`_recipient_lists_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`recipient_rows\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`list_id\` text(36) NOT NULL,
  	\`no\` numeric NOT NULL,
  	\`head_name\` text NOT NULL,
  	\`id_number\` text,
  	\`id_hash\` text,
  	\`household_size\` numeric NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`category\` text,
  	\`village_id\` text(36) NOT NULL,
  	\`region_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`list_id\`) REFERENCES \`recipient_lists\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`village_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`recipient_rows_list_idx\` ON \`recipient_rows\` (\`list_id\`);`)
  await db.run(sql`CREATE INDEX \`recipient_rows_id_hash_idx\` ON \`recipient_rows\` (\`id_hash\`);`)
  await db.run(sql`CREATE INDEX \`recipient_rows_village_idx\` ON \`recipient_rows\` (\`village_id\`);`)
  await db.run(sql`CREATE INDEX \`recipient_rows_region_idx\` ON \`recipient_rows\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`recipient_rows_updated_at_idx\` ON \`recipient_rows\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`recipient_rows_created_at_idx\` ON \`recipient_rows\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`policies_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`policies_change_notes_order_idx\` ON \`policies_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`policies_change_notes_parent_id_idx\` ON \`policies_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_policies_v_version_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_policies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_policies_v_version_change_notes_order_idx\` ON \`_policies_v_version_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_change_notes_parent_id_idx\` ON \`_policies_v_version_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_conditions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_conditions_order_idx\` ON \`guides_conditions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_conditions_parent_id_idx\` ON \`guides_conditions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_exclusions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_exclusions_order_idx\` ON \`guides_exclusions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_exclusions_parent_id_idx\` ON \`guides_exclusions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_materials\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`required\` integer DEFAULT true,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_materials_order_idx\` ON \`guides_materials\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_materials_parent_id_idx\` ON \`guides_materials\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`actor\` text,
  	\`working_days\` numeric,
  	\`description\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_steps_order_idx\` ON \`guides_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_steps_parent_id_idx\` ON \`guides_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_change_notes_order_idx\` ON \`guides_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_change_notes_parent_id_idx\` ON \`guides_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`programme_id\` text(36),
  	\`applicable_to\` text,
  	\`statutory_working_days\` numeric,
  	\`promised_working_days\` numeric,
  	\`fee\` text DEFAULT '不收费',
  	\`place\` text,
  	\`window\` text,
  	\`hours\` text,
  	\`consult_phone\` text,
  	\`supervise_phone\` text,
  	\`internal_remarks\` text,
  	\`last_edited_by_id\` text(36),
  	\`published_by_id\` text(36),
  	\`published_at\` text,
  	\`force_publish_reason\` text,
  	\`privacy_findings\` text,
  	\`pii_override_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_programme_idx\` ON \`guides\` (\`programme_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_last_edited_by_idx\` ON \`guides\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_published_by_idx\` ON \`guides\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_updated_at_idx\` ON \`guides\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`guides_created_at_idx\` ON \`guides\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`guides__status_idx\` ON \`guides\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`guides_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`policies_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_rels_order_idx\` ON \`guides_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_parent_idx\` ON \`guides_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_path_idx\` ON \`guides_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_policies_id_idx\` ON \`guides_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_conditions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_conditions_order_idx\` ON \`_guides_v_version_conditions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_conditions_parent_id_idx\` ON \`_guides_v_version_conditions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_exclusions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_exclusions_order_idx\` ON \`_guides_v_version_exclusions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_exclusions_parent_id_idx\` ON \`_guides_v_version_exclusions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_materials\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`required\` integer DEFAULT true,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_materials_order_idx\` ON \`_guides_v_version_materials\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_materials_parent_id_idx\` ON \`_guides_v_version_materials\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`actor\` text,
  	\`working_days\` numeric,
  	\`description\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_steps_order_idx\` ON \`_guides_v_version_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_steps_parent_id_idx\` ON \`_guides_v_version_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_change_notes_order_idx\` ON \`_guides_v_version_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_change_notes_parent_id_idx\` ON \`_guides_v_version_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_programme_id\` text(36),
  	\`version_applicable_to\` text,
  	\`version_statutory_working_days\` numeric,
  	\`version_promised_working_days\` numeric,
  	\`version_fee\` text DEFAULT '不收费',
  	\`version_place\` text,
  	\`version_window\` text,
  	\`version_hours\` text,
  	\`version_consult_phone\` text,
  	\`version_supervise_phone\` text,
  	\`version_internal_remarks\` text,
  	\`version_last_edited_by_id\` text(36),
  	\`version_published_by_id\` text(36),
  	\`version_published_at\` text,
  	\`version_force_publish_reason\` text,
  	\`version_privacy_findings\` text,
  	\`version_pii_override_reason\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_parent_idx\` ON \`_guides_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_programme_idx\` ON \`_guides_v\` (\`version_programme_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_last_edited_by_idx\` ON \`_guides_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_published_by_idx\` ON \`_guides_v\` (\`version_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_updated_at_idx\` ON \`_guides_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_created_at_idx\` ON \`_guides_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version__status_idx\` ON \`_guides_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_created_at_idx\` ON \`_guides_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_updated_at_idx\` ON \`_guides_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_latest_idx\` ON \`_guides_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`policies_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_order_idx\` ON \`_guides_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_parent_idx\` ON \`_guides_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_path_idx\` ON \`_guides_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_policies_id_idx\` ON \`_guides_v_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE TABLE \`standards_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`standards\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`standards_change_notes_order_idx\` ON \`standards_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`standards_change_notes_parent_id_idx\` ON \`standards_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`standards\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`programme_id\` text(36),
  	\`region_id\` text(36),
  	\`tier\` text,
  	\`amount\` numeric,
  	\`unit\` text,
  	\`effective_from\` text,
  	\`effective_to\` text,
  	\`policy_id\` text(36),
  	\`internal_remarks\` text,
  	\`last_edited_by_id\` text(36),
  	\`published_by_id\` text(36),
  	\`published_at\` text,
  	\`force_publish_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`standards_programme_idx\` ON \`standards\` (\`programme_id\`);`)
  await db.run(sql`CREATE INDEX \`standards_region_idx\` ON \`standards\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`standards_policy_idx\` ON \`standards\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`standards_last_edited_by_idx\` ON \`standards\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`standards_published_by_idx\` ON \`standards\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`standards_updated_at_idx\` ON \`standards\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`standards_created_at_idx\` ON \`standards\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`standards__status_idx\` ON \`standards\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_standards_v_version_change_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`on\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_standards_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_standards_v_version_change_notes_order_idx\` ON \`_standards_v_version_change_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_change_notes_parent_id_idx\` ON \`_standards_v_version_change_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_standards_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_programme_id\` text(36),
  	\`version_region_id\` text(36),
  	\`version_tier\` text,
  	\`version_amount\` numeric,
  	\`version_unit\` text,
  	\`version_effective_from\` text,
  	\`version_effective_to\` text,
  	\`version_policy_id\` text(36),
  	\`version_internal_remarks\` text,
  	\`version_last_edited_by_id\` text(36),
  	\`version_published_by_id\` text(36),
  	\`version_published_at\` text,
  	\`version_force_publish_reason\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`standards\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_programme_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_last_edited_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_standards_v_parent_idx\` ON \`_standards_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version_programme_idx\` ON \`_standards_v\` (\`version_programme_id\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version_region_idx\` ON \`_standards_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version_policy_idx\` ON \`_standards_v\` (\`version_policy_id\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version_last_edited_by_idx\` ON \`_standards_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version_published_by_idx\` ON \`_standards_v\` (\`version_published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version_updated_at_idx\` ON \`_standards_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version_created_at_idx\` ON \`_standards_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_version_version__status_idx\` ON \`_standards_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_created_at_idx\` ON \`_standards_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_updated_at_idx\` ON \`_standards_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_standards_v_latest_idx\` ON \`_standards_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`programmes_stages\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`label\` text NOT NULL,
  	\`days\` numeric DEFAULT 7 NOT NULL,
  	\`unit\` text DEFAULT 'calendar' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`programmes_stages_order_idx\` ON \`programmes_stages\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`programmes_stages_parent_id_idx\` ON \`programmes_stages\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`programmes_region_overrides_stages\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`label\` text NOT NULL,
  	\`days\` numeric DEFAULT 7 NOT NULL,
  	\`unit\` text DEFAULT 'calendar' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`programmes_region_overrides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`programmes_region_overrides_stages_order_idx\` ON \`programmes_region_overrides_stages\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`programmes_region_overrides_stages_parent_id_idx\` ON \`programmes_region_overrides_stages\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`programmes_region_overrides\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`region_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`programmes_region_overrides_order_idx\` ON \`programmes_region_overrides\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`programmes_region_overrides_parent_id_idx\` ON \`programmes_region_overrides\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`programmes_region_overrides_region_idx\` ON \`programmes_region_overrides\` (\`region_id\`);`)
  await db.run(sql`CREATE TABLE \`programmes\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`short_name\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`unit\` text NOT NULL,
  	\`description\` text,
  	\`publicity_required\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`programmes_code_idx\` ON \`programmes\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`programmes_updated_at_idx\` ON \`programmes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`programmes_created_at_idx\` ON \`programmes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`regions\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`code\` text NOT NULL,
  	\`level\` text NOT NULL,
  	\`parent_id\` text(36),
  	\`path\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`regions_code_idx\` ON \`regions\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`regions_parent_idx\` ON \`regions\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`regions_path_idx\` ON \`regions\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`regions_updated_at_idx\` ON \`regions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`regions_created_at_idx\` ON \`regions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holidays\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`source\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holidays_date_idx\` ON \`holidays\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`holidays_updated_at_idx\` ON \`holidays\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holidays_created_at_idx\` ON \`holidays\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`calendar_years\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`published\` integer DEFAULT false,
  	\`source\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`calendar_years_year_idx\` ON \`calendar_years\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`calendar_years_updated_at_idx\` ON \`calendar_years\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`calendar_years_created_at_idx\` ON \`calendar_years\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`regions_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_regions_id_idx\` ON \`users_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`target_collection\` text NOT NULL,
  	\`target_id\` text,
  	\`actor_id\` text(36),
  	\`actor_name\` text,
  	\`ip\` text,
  	\`summary\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_collection_idx\` ON \`audit_log\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_id_idx\` ON \`audit_log\` (\`target_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`internal_remarks\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`last_edited_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`published_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`published_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`force_publish_reason\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`privacy_findings\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`pii_override_reason\` text;`)
  await db.run(sql`CREATE INDEX \`policies_last_edited_by_idx\` ON \`policies\` (\`last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_published_by_idx\` ON \`policies\` (\`published_by_id\`);`)
  await db.run(sql`ALTER TABLE \`policies_rels\` ADD \`programmes_id\` text(36) REFERENCES programmes(id);`)
  await db.run(sql`CREATE INDEX \`policies_rels_programmes_id_idx\` ON \`policies_rels\` (\`programmes_id\`);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_internal_remarks\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_last_edited_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_published_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_force_publish_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_privacy_findings\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_pii_override_reason\` text;`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_last_edited_by_idx\` ON \`_policies_v\` (\`version_last_edited_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_published_by_idx\` ON \`_policies_v\` (\`version_published_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_policies_v_rels\` ADD \`programmes_id\` text(36) REFERENCES programmes(id);`)
  await db.run(sql`CREATE INDEX \`_policies_v_rels_programmes_id_idx\` ON \`_policies_v_rels\` (\`programmes_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notices_id\` text(36) REFERENCES notices(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`recipient_lists_id\` text(36) REFERENCES recipient_lists(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`recipient_rows_id\` text(36) REFERENCES recipient_rows(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`guides_id\` text(36) REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`standards_id\` text(36) REFERENCES standards(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`programmes_id\` text(36) REFERENCES programmes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`regions_id\` text(36) REFERENCES regions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`holidays_id\` text(36) REFERENCES holidays(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`calendar_years_id\` text(36) REFERENCES calendar_years(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` text(36) REFERENCES audit_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recipient_lists_id_idx\` ON \`payload_locked_documents_rels\` (\`recipient_lists_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_recipient_rows_id_idx\` ON \`payload_locked_documents_rels\` (\`recipient_rows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_standards_id_idx\` ON \`payload_locked_documents_rels\` (\`standards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_programmes_id_idx\` ON \`payload_locked_documents_rels\` (\`programmes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_calendar_years_id_idx\` ON \`payload_locked_documents_rels\` (\`calendar_years_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`complaint_address\` text DEFAULT '清河县民政局社会救助股（一楼窗口）';`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`small_count_threshold\` numeric DEFAULT 3 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`notice_retention_days\` numeric DEFAULT 30 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`list_retention_months\` numeric DEFAULT 12 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`notices_entries\`;`)
  await db.run(sql`DROP TABLE \`notices_change_notes\`;`)
  await db.run(sql`DROP TABLE \`notices\`;`)
  await db.run(sql`DROP TABLE \`_notices_v_version_entries\`;`)
  await db.run(sql`DROP TABLE \`_notices_v_version_change_notes\`;`)
  await db.run(sql`DROP TABLE \`_notices_v\`;`)
  await db.run(sql`DROP TABLE \`recipient_lists_change_notes\`;`)
  await db.run(sql`DROP TABLE \`recipient_lists\`;`)
  await db.run(sql`DROP TABLE \`_recipient_lists_v_version_change_notes\`;`)
  await db.run(sql`DROP TABLE \`_recipient_lists_v\`;`)
  await db.run(sql`DROP TABLE \`recipient_rows\`;`)
  await db.run(sql`DROP TABLE \`policies_change_notes\`;`)
  await db.run(sql`DROP TABLE \`_policies_v_version_change_notes\`;`)
  await db.run(sql`DROP TABLE \`guides_conditions\`;`)
  await db.run(sql`DROP TABLE \`guides_exclusions\`;`)
  await db.run(sql`DROP TABLE \`guides_materials\`;`)
  await db.run(sql`DROP TABLE \`guides_steps\`;`)
  await db.run(sql`DROP TABLE \`guides_change_notes\`;`)
  await db.run(sql`DROP TABLE \`guides\`;`)
  await db.run(sql`DROP TABLE \`guides_rels\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_conditions\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_exclusions\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_materials\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_steps\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_change_notes\`;`)
  await db.run(sql`DROP TABLE \`_guides_v\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_rels\`;`)
  await db.run(sql`DROP TABLE \`standards_change_notes\`;`)
  await db.run(sql`DROP TABLE \`standards\`;`)
  await db.run(sql`DROP TABLE \`_standards_v_version_change_notes\`;`)
  await db.run(sql`DROP TABLE \`_standards_v\`;`)
  await db.run(sql`DROP TABLE \`programmes_stages\`;`)
  await db.run(sql`DROP TABLE \`programmes_region_overrides_stages\`;`)
  await db.run(sql`DROP TABLE \`programmes_region_overrides\`;`)
  await db.run(sql`DROP TABLE \`programmes\`;`)
  await db.run(sql`DROP TABLE \`regions\`;`)
  await db.run(sql`DROP TABLE \`holidays\`;`)
  await db.run(sql`DROP TABLE \`calendar_years\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_policies\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`index_number\` text,
  	\`document_number\` text,
  	\`issuer\` text,
  	\`written_on\` text,
  	\`published_on\` text,
  	\`validity\` text DEFAULT 'current',
  	\`superseded_by_id\` text(36),
  	\`summary\` text,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`superseded_by_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_policies\`("id", "title", "index_number", "document_number", "issuer", "written_on", "published_on", "validity", "superseded_by_id", "summary", "body", "updated_at", "created_at", "_status") SELECT "id", "title", "index_number", "document_number", "issuer", "written_on", "published_on", "validity", "superseded_by_id", "summary", "body", "updated_at", "created_at", "_status" FROM \`policies\`;`)
  await db.run(sql`DROP TABLE \`policies\`;`)
  await db.run(sql`ALTER TABLE \`__new_policies\` RENAME TO \`policies\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`policies_superseded_by_idx\` ON \`policies\` (\`superseded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_updated_at_idx\` ON \`policies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`policies_created_at_idx\` ON \`policies\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`policies__status_idx\` ON \`policies\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_policies_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_policies_rels\`("id", "order", "parent_id", "path", "media_id") SELECT "id", "order", "parent_id", "path", "media_id" FROM \`policies_rels\`;`)
  await db.run(sql`DROP TABLE \`policies_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_policies_rels\` RENAME TO \`policies_rels\`;`)
  await db.run(sql`CREATE INDEX \`policies_rels_order_idx\` ON \`policies_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`policies_rels_parent_idx\` ON \`policies_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_rels_path_idx\` ON \`policies_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`policies_rels_media_id_idx\` ON \`policies_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__policies_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_index_number\` text,
  	\`version_document_number\` text,
  	\`version_issuer\` text,
  	\`version_written_on\` text,
  	\`version_published_on\` text,
  	\`version_validity\` text DEFAULT 'current',
  	\`version_superseded_by_id\` text(36),
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_superseded_by_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__policies_v\`("id", "parent_id", "version_title", "version_index_number", "version_document_number", "version_issuer", "version_written_on", "version_published_on", "version_validity", "version_superseded_by_id", "version_summary", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_index_number", "version_document_number", "version_issuer", "version_written_on", "version_published_on", "version_validity", "version_superseded_by_id", "version_summary", "version_body", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_policies_v\`;`)
  await db.run(sql`DROP TABLE \`_policies_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__policies_v\` RENAME TO \`_policies_v\`;`)
  await db.run(sql`CREATE INDEX \`_policies_v_parent_idx\` ON \`_policies_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_superseded_by_idx\` ON \`_policies_v\` (\`version_superseded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_updated_at_idx\` ON \`_policies_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_created_at_idx\` ON \`_policies_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version__status_idx\` ON \`_policies_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_created_at_idx\` ON \`_policies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_updated_at_idx\` ON \`_policies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_latest_idx\` ON \`_policies_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new__policies_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_policies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__policies_v_rels\`("id", "order", "parent_id", "path", "media_id") SELECT "id", "order", "parent_id", "path", "media_id" FROM \`_policies_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_policies_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__policies_v_rels\` RENAME TO \`_policies_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_policies_v_rels_order_idx\` ON \`_policies_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_rels_parent_idx\` ON \`_policies_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_rels_path_idx\` ON \`_policies_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_rels_media_id_idx\` ON \`_policies_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`policies_id\` text(36),
  	\`media_id\` text(36),
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "policies_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "policies_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`complaint_address\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`small_count_threshold\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`notice_retention_days\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`list_retention_months\`;`)
}
