import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_notices_kind" AS ENUM('apply', 'terminate', 'change', 'post');
  CREATE TYPE "public"."enum_notices_stage" AS ENUM('village', 'township', 'county', 'single');
  CREATE TYPE "public"."enum_notices_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__notices_v_version_kind" AS ENUM('apply', 'terminate', 'change', 'post');
  CREATE TYPE "public"."enum__notices_v_version_stage" AS ENUM('village', 'township', 'county', 'single');
  CREATE TYPE "public"."enum__notices_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_complaints_timeline_type" AS ENUM('received', 'accepted', 'notAccepted', 'transferred', 'extended', 'paused', 'resumed', 'answered', 'feedback', 'reopened', 'closed');
  CREATE TYPE "public"."enum_complaints_kind" AS ENUM('objection', 'report', 'complaint', 'other');
  CREATE TYPE "public"."enum_complaints_source" AS ENUM('online', 'phone', 'counter');
  CREATE TYPE "public"."enum_complaints_status" AS ENUM('received', 'accepted', 'notAccepted', 'transferred', 'answered', 'closed');
  CREATE TYPE "public"."enum_complaints_clock" AS ENUM('running', 'paused');
  CREATE TYPE "public"."enum_complaints_feedback_satisfied" AS ENUM('yes', 'no');
  CREATE TYPE "public"."enum_recipient_lists_kind" AS ENUM('approved', 'disbursement');
  CREATE TYPE "public"."enum_recipient_lists_import_status" AS ENUM('importing', 'complete', 'failed');
  CREATE TYPE "public"."enum_recipient_lists_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__recipient_lists_v_version_kind" AS ENUM('approved', 'disbursement');
  CREATE TYPE "public"."enum__recipient_lists_v_version_import_status" AS ENUM('importing', 'complete', 'failed');
  CREATE TYPE "public"."enum__recipient_lists_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_import_mappings_target" AS ENUM('list', 'notice');
  CREATE TYPE "public"."enum_policies_validity" AS ENUM('current', 'amended', 'repealed');
  CREATE TYPE "public"."enum_policies_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__policies_v_version_validity" AS ENUM('current', 'amended', 'repealed');
  CREATE TYPE "public"."enum__policies_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_guides_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__guides_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_standards_unit" AS ENUM('person-month', 'person-year', 'household-month', 'person-time', 'household-time');
  CREATE TYPE "public"."enum_standards_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__standards_v_version_unit" AS ENUM('person-month', 'person-year', 'household-month', 'person-time', 'household-time');
  CREATE TYPE "public"."enum__standards_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_programmes_stages_key" AS ENUM('village', 'township', 'county', 'single');
  CREATE TYPE "public"."enum_programmes_stages_unit" AS ENUM('calendar', 'working');
  CREATE TYPE "public"."enum_programmes_region_overrides_stages_key" AS ENUM('village', 'township', 'county', 'single');
  CREATE TYPE "public"."enum_programmes_region_overrides_stages_unit" AS ENUM('calendar', 'working');
  CREATE TYPE "public"."enum_programmes_unit" AS ENUM('person-month', 'person-year', 'household-month', 'person-time', 'household-time');
  CREATE TYPE "public"."enum_regions_level" AS ENUM('county', 'township', 'village');
  CREATE TYPE "public"."enum_holidays_kind" AS ENUM('off', 'makeup');
  CREATE TYPE "public"."enum_complaint_categories_kind" AS ENUM('objection', 'report', 'complaint', 'other');
  CREATE TYPE "public"."enum_complaint_categories_acknowledge_unit" AS ENUM('calendar', 'working');
  CREATE TYPE "public"."enum_complaint_categories_resolve_unit" AS ENUM('calendar', 'working');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'editor', 'reviewer', 'complaintOfficer');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'publish', 'forcePublish', 'unpublish', 'delete', 'restore', 'schedule', 'scheduleCancel', 'view', 'viewVersions', 'denied', 'export', 'import', 'unlock', 'login', 'loginFailed', 'passwordChange', 'passwordReset', 'twoFactor');
  CREATE TYPE "public"."enum_scheduled_runs_status" AS ENUM('running', 'done', 'failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'nightlyRelease', 'morningDigest', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'nightlyRelease', 'morningDigest', 'schedulePublish');
  CREATE TABLE "notices_entries" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"head_name" varchar,
  	"id_number" varchar,
  	"household_size" numeric,
  	"amount" numeric,
  	"category" varchar,
  	"village_id" uuid
  );
  
  CREATE TABLE "notices_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "notices" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"programme_id" uuid,
  	"kind" "enum_notices_kind" DEFAULT 'apply',
  	"stage" "enum_notices_stage" DEFAULT 'village',
  	"region_id" uuid,
  	"batch" varchar,
  	"previous_notice_id" uuid,
  	"posted_on" timestamp(3) with time zone,
  	"ends_on" timestamp(3) with time zone,
  	"ends_on_provisional" boolean DEFAULT false,
  	"ends_on_revised_from" timestamp(3) with time zone,
  	"ends_on_revised_at" timestamp(3) with time zone,
  	"stage_label" varchar,
  	"stage_index" numeric,
  	"stage_count" numeric,
  	"period_rule" varchar,
  	"objection_contact" varchar,
  	"board_photo_id" uuid,
  	"board_posted_at" timestamp(3) with time zone,
  	"withdrawn_at" timestamp(3) with time zone,
  	"withdraw_reason" varchar,
  	"internal_remarks" varchar,
  	"last_edited_by_id" uuid,
  	"published_by_id" uuid,
  	"published_at" timestamp(3) with time zone,
  	"schedule_note" varchar,
  	"force_publish_reason" varchar,
  	"privacy_findings" varchar,
  	"pii_override_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_notices_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_notices_v_version_entries" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"head_name" varchar,
  	"id_number" varchar,
  	"household_size" numeric,
  	"amount" numeric,
  	"category" varchar,
  	"village_id" uuid,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_notices_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_notices_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_programme_id" uuid,
  	"version_kind" "enum__notices_v_version_kind" DEFAULT 'apply',
  	"version_stage" "enum__notices_v_version_stage" DEFAULT 'village',
  	"version_region_id" uuid,
  	"version_batch" varchar,
  	"version_previous_notice_id" uuid,
  	"version_posted_on" timestamp(3) with time zone,
  	"version_ends_on" timestamp(3) with time zone,
  	"version_ends_on_provisional" boolean DEFAULT false,
  	"version_ends_on_revised_from" timestamp(3) with time zone,
  	"version_ends_on_revised_at" timestamp(3) with time zone,
  	"version_stage_label" varchar,
  	"version_stage_index" numeric,
  	"version_stage_count" numeric,
  	"version_period_rule" varchar,
  	"version_objection_contact" varchar,
  	"version_board_photo_id" uuid,
  	"version_board_posted_at" timestamp(3) with time zone,
  	"version_withdrawn_at" timestamp(3) with time zone,
  	"version_withdraw_reason" varchar,
  	"version_internal_remarks" varchar,
  	"version_last_edited_by_id" uuid,
  	"version_published_by_id" uuid,
  	"version_published_at" timestamp(3) with time zone,
  	"version_schedule_note" varchar,
  	"version_force_publish_reason" varchar,
  	"version_privacy_findings" varchar,
  	"version_pii_override_reason" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__notices_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "complaints_internal_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"note" varchar NOT NULL,
  	"author_id" uuid
  );
  
  CREATE TABLE "complaints_pauses" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar,
  	"to" varchar,
  	"reason" varchar
  );
  
  CREATE TABLE "complaints_timeline" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"type" "enum_complaints_timeline_type",
  	"note" varchar
  );
  
  CREATE TABLE "complaints" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tracking_code" varchar,
  	"query_password_for_caller" varchar,
  	"query_password_hash" varchar,
  	"idempotency_key" varchar,
  	"kind" "enum_complaints_kind" NOT NULL,
  	"category_id" uuid NOT NULL,
  	"source" "enum_complaints_source" DEFAULT 'phone',
  	"notice_id" uuid,
  	"notice_entry_no" numeric,
  	"region_id" uuid,
  	"anonymous" boolean DEFAULT false,
  	"reporter_name" varchar,
  	"reporter_phone" varchar,
  	"content" varchar NOT NULL,
  	"status" "enum_complaints_status" DEFAULT 'received',
  	"assigned_to_id" uuid,
  	"status_reason" varchar,
  	"transfer_to" varchar,
  	"extended" boolean,
  	"extension_reason" varchar,
  	"clock" "enum_complaints_clock" DEFAULT 'running',
  	"pause_reason" varchar,
  	"reply_template_id" uuid,
  	"public_reply" varchar,
  	"received_at" timestamp(3) with time zone,
  	"acknowledge_due" timestamp(3) with time zone,
  	"resolve_due" timestamp(3) with time zone,
  	"acknowledge_due_provisional" boolean DEFAULT false,
  	"resolve_due_provisional" boolean DEFAULT false,
  	"deadline_warning" varchar,
  	"deadline_revision" varchar,
  	"deadline_revised_at" timestamp(3) with time zone,
  	"acknowledged_at" timestamp(3) with time zone,
  	"answered_at" timestamp(3) with time zone,
  	"closed_at" timestamp(3) with time zone,
  	"feedback_satisfied" "enum_complaints_feedback_satisfied",
  	"feedback_note" varchar,
  	"feedback_at" timestamp(3) with time zone,
  	"recorded_by_id" uuid,
  	"tracking_failures" numeric DEFAULT 0,
  	"tracking_locked_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "complaints_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"complaint_files_id" uuid
  );
  
  CREATE TABLE "recipient_lists_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "recipient_lists" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"kind" "enum_recipient_lists_kind" DEFAULT 'disbursement',
  	"programme_id" uuid,
  	"region_id" uuid,
  	"month" varchar,
  	"import_status" "enum_recipient_lists_import_status" DEFAULT 'importing',
  	"import_lease" varchar,
  	"totals_households" numeric,
  	"totals_persons" numeric,
  	"totals_amount" numeric,
  	"changes" jsonb,
  	"source_file_name" varchar,
  	"source_sha256" varchar,
  	"source_imported_at" timestamp(3) with time zone,
  	"withdrawn_at" timestamp(3) with time zone,
  	"withdraw_reason" varchar,
  	"internal_remarks" varchar,
  	"last_edited_by_id" uuid,
  	"published_by_id" uuid,
  	"published_at" timestamp(3) with time zone,
  	"schedule_note" varchar,
  	"force_publish_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_recipient_lists_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_recipient_lists_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_recipient_lists_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_kind" "enum__recipient_lists_v_version_kind" DEFAULT 'disbursement',
  	"version_programme_id" uuid,
  	"version_region_id" uuid,
  	"version_month" varchar,
  	"version_import_status" "enum__recipient_lists_v_version_import_status" DEFAULT 'importing',
  	"version_import_lease" varchar,
  	"version_totals_households" numeric,
  	"version_totals_persons" numeric,
  	"version_totals_amount" numeric,
  	"version_changes" jsonb,
  	"version_source_file_name" varchar,
  	"version_source_sha256" varchar,
  	"version_source_imported_at" timestamp(3) with time zone,
  	"version_withdrawn_at" timestamp(3) with time zone,
  	"version_withdraw_reason" varchar,
  	"version_internal_remarks" varchar,
  	"version_last_edited_by_id" uuid,
  	"version_published_by_id" uuid,
  	"version_published_at" timestamp(3) with time zone,
  	"version_schedule_note" varchar,
  	"version_force_publish_reason" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__recipient_lists_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "recipient_rows" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"list_id" uuid NOT NULL,
  	"no" numeric NOT NULL,
  	"head_name" varchar NOT NULL,
  	"id_number" varchar,
  	"id_hash" varchar,
  	"household_size" numeric NOT NULL,
  	"amount" numeric NOT NULL,
  	"category" varchar,
  	"village_id" uuid NOT NULL,
  	"region_id" uuid NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "import_mappings" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"label" varchar,
  	"region_id" uuid NOT NULL,
  	"target" "enum_import_mappings_target" DEFAULT 'list' NOT NULL,
  	"columns" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "policies_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "policies" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"index_number" varchar,
  	"document_number" varchar,
  	"issuer" varchar,
  	"written_on" timestamp(3) with time zone,
  	"published_on" timestamp(3) with time zone,
  	"validity" "enum_policies_validity" DEFAULT 'current',
  	"superseded_by_id" uuid,
  	"summary" varchar,
  	"body" jsonb,
  	"internal_remarks" varchar,
  	"last_edited_by_id" uuid,
  	"published_by_id" uuid,
  	"published_at" timestamp(3) with time zone,
  	"schedule_note" varchar,
  	"force_publish_reason" varchar,
  	"privacy_findings" varchar,
  	"pii_override_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_policies_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "policies_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"programmes_id" uuid,
  	"media_id" uuid
  );
  
  CREATE TABLE "_policies_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_policies_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_index_number" varchar,
  	"version_document_number" varchar,
  	"version_issuer" varchar,
  	"version_written_on" timestamp(3) with time zone,
  	"version_published_on" timestamp(3) with time zone,
  	"version_validity" "enum__policies_v_version_validity" DEFAULT 'current',
  	"version_superseded_by_id" uuid,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_internal_remarks" varchar,
  	"version_last_edited_by_id" uuid,
  	"version_published_by_id" uuid,
  	"version_published_at" timestamp(3) with time zone,
  	"version_schedule_note" varchar,
  	"version_force_publish_reason" varchar,
  	"version_privacy_findings" varchar,
  	"version_pii_override_reason" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__policies_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_policies_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"programmes_id" uuid,
  	"media_id" uuid
  );
  
  CREATE TABLE "guides_conditions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "guides_exclusions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "guides_materials" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"required" boolean DEFAULT true,
  	"note" varchar
  );
  
  CREATE TABLE "guides_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"actor" varchar,
  	"working_days" numeric,
  	"description" varchar
  );
  
  CREATE TABLE "guides_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "guides" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"programme_id" uuid,
  	"applicable_to" varchar,
  	"statutory_working_days" numeric,
  	"promised_working_days" numeric,
  	"fee" varchar DEFAULT '不收费',
  	"place" varchar,
  	"window" varchar,
  	"hours" varchar,
  	"consult_phone" varchar,
  	"supervise_phone" varchar,
  	"internal_remarks" varchar,
  	"last_edited_by_id" uuid,
  	"published_by_id" uuid,
  	"published_at" timestamp(3) with time zone,
  	"schedule_note" varchar,
  	"force_publish_reason" varchar,
  	"privacy_findings" varchar,
  	"pii_override_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_guides_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "guides_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"policies_id" uuid
  );
  
  CREATE TABLE "_guides_v_version_conditions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_guides_v_version_exclusions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_guides_v_version_materials" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"required" boolean DEFAULT true,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_guides_v_version_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"actor" varchar,
  	"working_days" numeric,
  	"description" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_guides_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_guides_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_programme_id" uuid,
  	"version_applicable_to" varchar,
  	"version_statutory_working_days" numeric,
  	"version_promised_working_days" numeric,
  	"version_fee" varchar DEFAULT '不收费',
  	"version_place" varchar,
  	"version_window" varchar,
  	"version_hours" varchar,
  	"version_consult_phone" varchar,
  	"version_supervise_phone" varchar,
  	"version_internal_remarks" varchar,
  	"version_last_edited_by_id" uuid,
  	"version_published_by_id" uuid,
  	"version_published_at" timestamp(3) with time zone,
  	"version_schedule_note" varchar,
  	"version_force_publish_reason" varchar,
  	"version_privacy_findings" varchar,
  	"version_pii_override_reason" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__guides_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_guides_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"policies_id" uuid
  );
  
  CREATE TABLE "standards_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "standards" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"programme_id" uuid,
  	"region_id" uuid,
  	"tier" varchar,
  	"amount" numeric,
  	"unit" "enum_standards_unit",
  	"effective_from" timestamp(3) with time zone,
  	"effective_to" timestamp(3) with time zone,
  	"policy_id" uuid,
  	"internal_remarks" varchar,
  	"last_edited_by_id" uuid,
  	"published_by_id" uuid,
  	"published_at" timestamp(3) with time zone,
  	"schedule_note" varchar,
  	"force_publish_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_standards_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_standards_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_standards_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_programme_id" uuid,
  	"version_region_id" uuid,
  	"version_tier" varchar,
  	"version_amount" numeric,
  	"version_unit" "enum__standards_v_version_unit",
  	"version_effective_from" timestamp(3) with time zone,
  	"version_effective_to" timestamp(3) with time zone,
  	"version_policy_id" uuid,
  	"version_internal_remarks" varchar,
  	"version_last_edited_by_id" uuid,
  	"version_published_by_id" uuid,
  	"version_published_at" timestamp(3) with time zone,
  	"version_schedule_note" varchar,
  	"version_force_publish_reason" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__standards_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "media" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"alt" varchar,
  	"region_id" uuid,
  	"last_edited_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_web_url" varchar,
  	"sizes_web_width" numeric,
  	"sizes_web_height" numeric,
  	"sizes_web_mime_type" varchar,
  	"sizes_web_filesize" numeric,
  	"sizes_web_filename" varchar
  );
  
  CREATE TABLE "programmes_stages" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" "enum_programmes_stages_key" NOT NULL,
  	"label" varchar NOT NULL,
  	"days" numeric DEFAULT 7 NOT NULL,
  	"unit" "enum_programmes_stages_unit" DEFAULT 'calendar' NOT NULL
  );
  
  CREATE TABLE "programmes_region_overrides_stages" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" "enum_programmes_region_overrides_stages_key" NOT NULL,
  	"label" varchar NOT NULL,
  	"days" numeric DEFAULT 7 NOT NULL,
  	"unit" "enum_programmes_region_overrides_stages_unit" DEFAULT 'calendar' NOT NULL
  );
  
  CREATE TABLE "programmes_region_overrides" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"region_id" uuid NOT NULL
  );
  
  CREATE TABLE "programmes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"short_name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"unit" "enum_programmes_unit" NOT NULL,
  	"description" varchar,
  	"publicity_required" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "regions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"level" "enum_regions_level" NOT NULL,
  	"parent_id" uuid,
  	"path" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "holidays" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"date" varchar NOT NULL,
  	"kind" "enum_holidays_kind" NOT NULL,
  	"name" varchar NOT NULL,
  	"source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "calendar_years" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"year" numeric NOT NULL,
  	"published" boolean DEFAULT false,
  	"source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "complaint_categories" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"label" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"kind" "enum_complaint_categories_kind" NOT NULL,
  	"description" varchar,
  	"acknowledge_days" numeric DEFAULT 15 NOT NULL,
  	"acknowledge_unit" "enum_complaint_categories_acknowledge_unit" DEFAULT 'calendar' NOT NULL,
  	"resolve_days" numeric DEFAULT 60 NOT NULL,
  	"resolve_unit" "enum_complaint_categories_resolve_unit" DEFAULT 'calendar' NOT NULL,
  	"extension_days" numeric DEFAULT 30 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reply_templates" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "complaint_files" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_users_roles",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"must_change_password" boolean DEFAULT false,
  	"one_time_password_expires_at" timestamp(3) with time zone,
  	"totp_enabled" boolean DEFAULT false,
  	"totp_secret" varchar,
  	"totp_pending_secret" varchar,
  	"two_factor_sessions" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"regions_id" uuid
  );
  
  CREATE TABLE "audit_log" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"target_collection" varchar NOT NULL,
  	"target_id" varchar,
  	"actor_id" uuid,
  	"actor_name" varchar,
  	"ip" varchar,
  	"summary" varchar,
  	"reason" varchar
  );
  
  CREATE TABLE "scheduled_runs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"task" varchar NOT NULL,
  	"day" varchar NOT NULL,
  	"status" "enum_scheduled_runs_status" NOT NULL,
  	"instance" varchar,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"result" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"notices_id" uuid,
  	"complaints_id" uuid,
  	"recipient_lists_id" uuid,
  	"recipient_rows_id" uuid,
  	"import_mappings_id" uuid,
  	"policies_id" uuid,
  	"guides_id" uuid,
  	"standards_id" uuid,
  	"media_id" uuid,
  	"programmes_id" uuid,
  	"regions_id" uuid,
  	"holidays_id" uuid,
  	"calendar_years_id" uuid,
  	"complaint_categories_id" uuid,
  	"reply_templates_id" uuid,
  	"complaint_files_id" uuid,
  	"users_id" uuid,
  	"audit_log_id" uuid,
  	"scheduled_runs_id" uuid
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_settings" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"bureau_name" varchar DEFAULT '清河县民政局' NOT NULL,
  	"column_title" varchar DEFAULT '阳光救助' NOT NULL,
  	"address" varchar DEFAULT '清河县民政局一楼社会救助窗口',
  	"office_hours" varchar DEFAULT '工作日 上午 8:30—12:00，下午 14:30—17:30',
  	"consult_phone" varchar DEFAULT '0000-1234567',
  	"supervise_phone" varchar DEFAULT '0000-7654321',
  	"complaint_address" varchar DEFAULT '清河县民政局社会救助股（一楼窗口）',
  	"small_count_threshold" numeric DEFAULT 3 NOT NULL,
  	"notice_retention_days" numeric DEFAULT 30 NOT NULL,
  	"list_retention_months" numeric DEFAULT 12 NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "notices_entries" ADD CONSTRAINT "notices_entries_village_id_regions_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices_entries" ADD CONSTRAINT "notices_entries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_change_notes" ADD CONSTRAINT "notices_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_previous_notice_id_notices_id_fk" FOREIGN KEY ("previous_notice_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_board_photo_id_media_id_fk" FOREIGN KEY ("board_photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notices" ADD CONSTRAINT "notices_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v_version_entries" ADD CONSTRAINT "_notices_v_version_entries_village_id_regions_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v_version_entries" ADD CONSTRAINT "_notices_v_version_entries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_version_change_notes" ADD CONSTRAINT "_notices_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_parent_id_notices_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_programme_id_programmes_id_fk" FOREIGN KEY ("version_programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_region_id_regions_id_fk" FOREIGN KEY ("version_region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_previous_notice_id_notices_id_fk" FOREIGN KEY ("version_previous_notice_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_board_photo_id_media_id_fk" FOREIGN KEY ("version_board_photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints_internal_notes" ADD CONSTRAINT "complaints_internal_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints_internal_notes" ADD CONSTRAINT "complaints_internal_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "complaints_pauses" ADD CONSTRAINT "complaints_pauses_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "complaints_timeline" ADD CONSTRAINT "complaints_timeline_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_id_complaint_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."complaint_categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints" ADD CONSTRAINT "complaints_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints" ADD CONSTRAINT "complaints_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints" ADD CONSTRAINT "complaints_reply_template_id_reply_templates_id_fk" FOREIGN KEY ("reply_template_id") REFERENCES "public"."reply_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints" ADD CONSTRAINT "complaints_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "complaints_rels" ADD CONSTRAINT "complaints_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "complaints_rels" ADD CONSTRAINT "complaints_rels_complaint_files_fk" FOREIGN KEY ("complaint_files_id") REFERENCES "public"."complaint_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recipient_lists_change_notes" ADD CONSTRAINT "recipient_lists_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."recipient_lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recipient_lists" ADD CONSTRAINT "recipient_lists_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recipient_lists" ADD CONSTRAINT "recipient_lists_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recipient_lists" ADD CONSTRAINT "recipient_lists_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recipient_lists" ADD CONSTRAINT "recipient_lists_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_recipient_lists_v_version_change_notes" ADD CONSTRAINT "_recipient_lists_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_recipient_lists_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_recipient_lists_v" ADD CONSTRAINT "_recipient_lists_v_parent_id_recipient_lists_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."recipient_lists"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_recipient_lists_v" ADD CONSTRAINT "_recipient_lists_v_version_programme_id_programmes_id_fk" FOREIGN KEY ("version_programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_recipient_lists_v" ADD CONSTRAINT "_recipient_lists_v_version_region_id_regions_id_fk" FOREIGN KEY ("version_region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_recipient_lists_v" ADD CONSTRAINT "_recipient_lists_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_recipient_lists_v" ADD CONSTRAINT "_recipient_lists_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recipient_rows" ADD CONSTRAINT "recipient_rows_list_id_recipient_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."recipient_lists"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recipient_rows" ADD CONSTRAINT "recipient_rows_village_id_regions_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "recipient_rows" ADD CONSTRAINT "recipient_rows_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies_change_notes" ADD CONSTRAINT "policies_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_superseded_by_id_policies_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies_rels" ADD CONSTRAINT "policies_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies_rels" ADD CONSTRAINT "policies_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies_rels" ADD CONSTRAINT "policies_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_version_change_notes" ADD CONSTRAINT "_policies_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_policies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_parent_id_policies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_superseded_by_id_policies_id_fk" FOREIGN KEY ("version_superseded_by_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v_rels" ADD CONSTRAINT "_policies_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_policies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_rels" ADD CONSTRAINT "_policies_v_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_rels" ADD CONSTRAINT "_policies_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "guides_conditions" ADD CONSTRAINT "guides_conditions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "guides_exclusions" ADD CONSTRAINT "guides_exclusions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "guides_materials" ADD CONSTRAINT "guides_materials_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "guides_steps" ADD CONSTRAINT "guides_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "guides_change_notes" ADD CONSTRAINT "guides_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "guides" ADD CONSTRAINT "guides_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guides" ADD CONSTRAINT "guides_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guides" ADD CONSTRAINT "guides_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guides_rels" ADD CONSTRAINT "guides_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "guides_rels" ADD CONSTRAINT "guides_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_guides_v_version_conditions" ADD CONSTRAINT "_guides_v_version_conditions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_guides_v_version_exclusions" ADD CONSTRAINT "_guides_v_version_exclusions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_guides_v_version_materials" ADD CONSTRAINT "_guides_v_version_materials_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_guides_v_version_steps" ADD CONSTRAINT "_guides_v_version_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_guides_v_version_change_notes" ADD CONSTRAINT "_guides_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_guides_v" ADD CONSTRAINT "_guides_v_parent_id_guides_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."guides"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_guides_v" ADD CONSTRAINT "_guides_v_version_programme_id_programmes_id_fk" FOREIGN KEY ("version_programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_guides_v" ADD CONSTRAINT "_guides_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_guides_v" ADD CONSTRAINT "_guides_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_guides_v_rels" ADD CONSTRAINT "_guides_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_guides_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_guides_v_rels" ADD CONSTRAINT "_guides_v_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "standards_change_notes" ADD CONSTRAINT "standards_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."standards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "standards" ADD CONSTRAINT "standards_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "standards" ADD CONSTRAINT "standards_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "standards" ADD CONSTRAINT "standards_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "standards" ADD CONSTRAINT "standards_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "standards" ADD CONSTRAINT "standards_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_standards_v_version_change_notes" ADD CONSTRAINT "_standards_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_standards_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_standards_v" ADD CONSTRAINT "_standards_v_parent_id_standards_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."standards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_standards_v" ADD CONSTRAINT "_standards_v_version_programme_id_programmes_id_fk" FOREIGN KEY ("version_programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_standards_v" ADD CONSTRAINT "_standards_v_version_region_id_regions_id_fk" FOREIGN KEY ("version_region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_standards_v" ADD CONSTRAINT "_standards_v_version_policy_id_policies_id_fk" FOREIGN KEY ("version_policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_standards_v" ADD CONSTRAINT "_standards_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_standards_v" ADD CONSTRAINT "_standards_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "programmes_stages" ADD CONSTRAINT "programmes_stages_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "programmes_region_overrides_stages" ADD CONSTRAINT "programmes_region_overrides_stages_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."programmes_region_overrides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "programmes_region_overrides" ADD CONSTRAINT "programmes_region_overrides_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "programmes_region_overrides" ADD CONSTRAINT "programmes_region_overrides_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_regions_fk" FOREIGN KEY ("regions_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notices_fk" FOREIGN KEY ("notices_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_complaints_fk" FOREIGN KEY ("complaints_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recipient_lists_fk" FOREIGN KEY ("recipient_lists_id") REFERENCES "public"."recipient_lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recipient_rows_fk" FOREIGN KEY ("recipient_rows_id") REFERENCES "public"."recipient_rows"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_mappings_fk" FOREIGN KEY ("import_mappings_id") REFERENCES "public"."import_mappings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_guides_fk" FOREIGN KEY ("guides_id") REFERENCES "public"."guides"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_standards_fk" FOREIGN KEY ("standards_id") REFERENCES "public"."standards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_regions_fk" FOREIGN KEY ("regions_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_holidays_fk" FOREIGN KEY ("holidays_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_calendar_years_fk" FOREIGN KEY ("calendar_years_id") REFERENCES "public"."calendar_years"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_complaint_categories_fk" FOREIGN KEY ("complaint_categories_id") REFERENCES "public"."complaint_categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reply_templates_fk" FOREIGN KEY ("reply_templates_id") REFERENCES "public"."reply_templates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_complaint_files_fk" FOREIGN KEY ("complaint_files_id") REFERENCES "public"."complaint_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scheduled_runs_fk" FOREIGN KEY ("scheduled_runs_id") REFERENCES "public"."scheduled_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "notices_entries_order_idx" ON "notices_entries" USING btree ("_order");
  CREATE INDEX "notices_entries_parent_id_idx" ON "notices_entries" USING btree ("_parent_id");
  CREATE INDEX "notices_entries_village_idx" ON "notices_entries" USING btree ("village_id");
  CREATE INDEX "notices_change_notes_order_idx" ON "notices_change_notes" USING btree ("_order");
  CREATE INDEX "notices_change_notes_parent_id_idx" ON "notices_change_notes" USING btree ("_parent_id");
  CREATE INDEX "notices_programme_idx" ON "notices" USING btree ("programme_id");
  CREATE INDEX "notices_region_idx" ON "notices" USING btree ("region_id");
  CREATE INDEX "notices_previous_notice_idx" ON "notices" USING btree ("previous_notice_id");
  CREATE INDEX "notices_board_photo_idx" ON "notices" USING btree ("board_photo_id");
  CREATE INDEX "notices_last_edited_by_idx" ON "notices" USING btree ("last_edited_by_id");
  CREATE INDEX "notices_published_by_idx" ON "notices" USING btree ("published_by_id");
  CREATE INDEX "notices_updated_at_idx" ON "notices" USING btree ("updated_at");
  CREATE INDEX "notices_created_at_idx" ON "notices" USING btree ("created_at");
  CREATE INDEX "notices__status_idx" ON "notices" USING btree ("_status");
  CREATE INDEX "_notices_v_version_entries_order_idx" ON "_notices_v_version_entries" USING btree ("_order");
  CREATE INDEX "_notices_v_version_entries_parent_id_idx" ON "_notices_v_version_entries" USING btree ("_parent_id");
  CREATE INDEX "_notices_v_version_entries_village_idx" ON "_notices_v_version_entries" USING btree ("village_id");
  CREATE INDEX "_notices_v_version_change_notes_order_idx" ON "_notices_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_notices_v_version_change_notes_parent_id_idx" ON "_notices_v_version_change_notes" USING btree ("_parent_id");
  CREATE INDEX "_notices_v_parent_idx" ON "_notices_v" USING btree ("parent_id");
  CREATE INDEX "_notices_v_version_version_programme_idx" ON "_notices_v" USING btree ("version_programme_id");
  CREATE INDEX "_notices_v_version_version_region_idx" ON "_notices_v" USING btree ("version_region_id");
  CREATE INDEX "_notices_v_version_version_previous_notice_idx" ON "_notices_v" USING btree ("version_previous_notice_id");
  CREATE INDEX "_notices_v_version_version_board_photo_idx" ON "_notices_v" USING btree ("version_board_photo_id");
  CREATE INDEX "_notices_v_version_version_last_edited_by_idx" ON "_notices_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_notices_v_version_version_published_by_idx" ON "_notices_v" USING btree ("version_published_by_id");
  CREATE INDEX "_notices_v_version_version_updated_at_idx" ON "_notices_v" USING btree ("version_updated_at");
  CREATE INDEX "_notices_v_version_version_created_at_idx" ON "_notices_v" USING btree ("version_created_at");
  CREATE INDEX "_notices_v_version_version__status_idx" ON "_notices_v" USING btree ("version__status");
  CREATE INDEX "_notices_v_created_at_idx" ON "_notices_v" USING btree ("created_at");
  CREATE INDEX "_notices_v_updated_at_idx" ON "_notices_v" USING btree ("updated_at");
  CREATE INDEX "_notices_v_latest_idx" ON "_notices_v" USING btree ("latest");
  CREATE INDEX "complaints_internal_notes_order_idx" ON "complaints_internal_notes" USING btree ("_order");
  CREATE INDEX "complaints_internal_notes_parent_id_idx" ON "complaints_internal_notes" USING btree ("_parent_id");
  CREATE INDEX "complaints_internal_notes_author_idx" ON "complaints_internal_notes" USING btree ("author_id");
  CREATE INDEX "complaints_pauses_order_idx" ON "complaints_pauses" USING btree ("_order");
  CREATE INDEX "complaints_pauses_parent_id_idx" ON "complaints_pauses" USING btree ("_parent_id");
  CREATE INDEX "complaints_timeline_order_idx" ON "complaints_timeline" USING btree ("_order");
  CREATE INDEX "complaints_timeline_parent_id_idx" ON "complaints_timeline" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "complaints_tracking_code_idx" ON "complaints" USING btree ("tracking_code");
  CREATE UNIQUE INDEX "complaints_idempotency_key_idx" ON "complaints" USING btree ("idempotency_key");
  CREATE INDEX "complaints_category_idx" ON "complaints" USING btree ("category_id");
  CREATE INDEX "complaints_notice_idx" ON "complaints" USING btree ("notice_id");
  CREATE INDEX "complaints_region_idx" ON "complaints" USING btree ("region_id");
  CREATE INDEX "complaints_assigned_to_idx" ON "complaints" USING btree ("assigned_to_id");
  CREATE INDEX "complaints_reply_template_idx" ON "complaints" USING btree ("reply_template_id");
  CREATE INDEX "complaints_acknowledge_due_idx" ON "complaints" USING btree ("acknowledge_due");
  CREATE INDEX "complaints_resolve_due_idx" ON "complaints" USING btree ("resolve_due");
  CREATE INDEX "complaints_recorded_by_idx" ON "complaints" USING btree ("recorded_by_id");
  CREATE INDEX "complaints_updated_at_idx" ON "complaints" USING btree ("updated_at");
  CREATE INDEX "complaints_created_at_idx" ON "complaints" USING btree ("created_at");
  CREATE INDEX "complaints_rels_order_idx" ON "complaints_rels" USING btree ("order");
  CREATE INDEX "complaints_rels_parent_idx" ON "complaints_rels" USING btree ("parent_id");
  CREATE INDEX "complaints_rels_path_idx" ON "complaints_rels" USING btree ("path");
  CREATE INDEX "complaints_rels_complaint_files_id_idx" ON "complaints_rels" USING btree ("complaint_files_id");
  CREATE INDEX "recipient_lists_change_notes_order_idx" ON "recipient_lists_change_notes" USING btree ("_order");
  CREATE INDEX "recipient_lists_change_notes_parent_id_idx" ON "recipient_lists_change_notes" USING btree ("_parent_id");
  CREATE INDEX "recipient_lists_programme_idx" ON "recipient_lists" USING btree ("programme_id");
  CREATE INDEX "recipient_lists_region_idx" ON "recipient_lists" USING btree ("region_id");
  CREATE INDEX "recipient_lists_month_idx" ON "recipient_lists" USING btree ("month");
  CREATE INDEX "recipient_lists_last_edited_by_idx" ON "recipient_lists" USING btree ("last_edited_by_id");
  CREATE INDEX "recipient_lists_published_by_idx" ON "recipient_lists" USING btree ("published_by_id");
  CREATE INDEX "recipient_lists_updated_at_idx" ON "recipient_lists" USING btree ("updated_at");
  CREATE INDEX "recipient_lists_created_at_idx" ON "recipient_lists" USING btree ("created_at");
  CREATE INDEX "recipient_lists__status_idx" ON "recipient_lists" USING btree ("_status");
  CREATE INDEX "_recipient_lists_v_version_change_notes_order_idx" ON "_recipient_lists_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_recipient_lists_v_version_change_notes_parent_id_idx" ON "_recipient_lists_v_version_change_notes" USING btree ("_parent_id");
  CREATE INDEX "_recipient_lists_v_parent_idx" ON "_recipient_lists_v" USING btree ("parent_id");
  CREATE INDEX "_recipient_lists_v_version_version_programme_idx" ON "_recipient_lists_v" USING btree ("version_programme_id");
  CREATE INDEX "_recipient_lists_v_version_version_region_idx" ON "_recipient_lists_v" USING btree ("version_region_id");
  CREATE INDEX "_recipient_lists_v_version_version_month_idx" ON "_recipient_lists_v" USING btree ("version_month");
  CREATE INDEX "_recipient_lists_v_version_version_last_edited_by_idx" ON "_recipient_lists_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_recipient_lists_v_version_version_published_by_idx" ON "_recipient_lists_v" USING btree ("version_published_by_id");
  CREATE INDEX "_recipient_lists_v_version_version_updated_at_idx" ON "_recipient_lists_v" USING btree ("version_updated_at");
  CREATE INDEX "_recipient_lists_v_version_version_created_at_idx" ON "_recipient_lists_v" USING btree ("version_created_at");
  CREATE INDEX "_recipient_lists_v_version_version__status_idx" ON "_recipient_lists_v" USING btree ("version__status");
  CREATE INDEX "_recipient_lists_v_created_at_idx" ON "_recipient_lists_v" USING btree ("created_at");
  CREATE INDEX "_recipient_lists_v_updated_at_idx" ON "_recipient_lists_v" USING btree ("updated_at");
  CREATE INDEX "_recipient_lists_v_latest_idx" ON "_recipient_lists_v" USING btree ("latest");
  CREATE INDEX "recipient_rows_list_idx" ON "recipient_rows" USING btree ("list_id");
  CREATE INDEX "recipient_rows_id_hash_idx" ON "recipient_rows" USING btree ("id_hash");
  CREATE INDEX "recipient_rows_village_idx" ON "recipient_rows" USING btree ("village_id");
  CREATE INDEX "recipient_rows_region_idx" ON "recipient_rows" USING btree ("region_id");
  CREATE INDEX "recipient_rows_updated_at_idx" ON "recipient_rows" USING btree ("updated_at");
  CREATE INDEX "recipient_rows_created_at_idx" ON "recipient_rows" USING btree ("created_at");
  CREATE INDEX "import_mappings_region_idx" ON "import_mappings" USING btree ("region_id");
  CREATE INDEX "import_mappings_updated_at_idx" ON "import_mappings" USING btree ("updated_at");
  CREATE INDEX "import_mappings_created_at_idx" ON "import_mappings" USING btree ("created_at");
  CREATE INDEX "policies_change_notes_order_idx" ON "policies_change_notes" USING btree ("_order");
  CREATE INDEX "policies_change_notes_parent_id_idx" ON "policies_change_notes" USING btree ("_parent_id");
  CREATE INDEX "policies_superseded_by_idx" ON "policies" USING btree ("superseded_by_id");
  CREATE INDEX "policies_last_edited_by_idx" ON "policies" USING btree ("last_edited_by_id");
  CREATE INDEX "policies_published_by_idx" ON "policies" USING btree ("published_by_id");
  CREATE INDEX "policies_updated_at_idx" ON "policies" USING btree ("updated_at");
  CREATE INDEX "policies_created_at_idx" ON "policies" USING btree ("created_at");
  CREATE INDEX "policies__status_idx" ON "policies" USING btree ("_status");
  CREATE INDEX "policies_rels_order_idx" ON "policies_rels" USING btree ("order");
  CREATE INDEX "policies_rels_parent_idx" ON "policies_rels" USING btree ("parent_id");
  CREATE INDEX "policies_rels_path_idx" ON "policies_rels" USING btree ("path");
  CREATE INDEX "policies_rels_programmes_id_idx" ON "policies_rels" USING btree ("programmes_id");
  CREATE INDEX "policies_rels_media_id_idx" ON "policies_rels" USING btree ("media_id");
  CREATE INDEX "_policies_v_version_change_notes_order_idx" ON "_policies_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_policies_v_version_change_notes_parent_id_idx" ON "_policies_v_version_change_notes" USING btree ("_parent_id");
  CREATE INDEX "_policies_v_parent_idx" ON "_policies_v" USING btree ("parent_id");
  CREATE INDEX "_policies_v_version_version_superseded_by_idx" ON "_policies_v" USING btree ("version_superseded_by_id");
  CREATE INDEX "_policies_v_version_version_last_edited_by_idx" ON "_policies_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_policies_v_version_version_published_by_idx" ON "_policies_v" USING btree ("version_published_by_id");
  CREATE INDEX "_policies_v_version_version_updated_at_idx" ON "_policies_v" USING btree ("version_updated_at");
  CREATE INDEX "_policies_v_version_version_created_at_idx" ON "_policies_v" USING btree ("version_created_at");
  CREATE INDEX "_policies_v_version_version__status_idx" ON "_policies_v" USING btree ("version__status");
  CREATE INDEX "_policies_v_created_at_idx" ON "_policies_v" USING btree ("created_at");
  CREATE INDEX "_policies_v_updated_at_idx" ON "_policies_v" USING btree ("updated_at");
  CREATE INDEX "_policies_v_latest_idx" ON "_policies_v" USING btree ("latest");
  CREATE INDEX "_policies_v_rels_order_idx" ON "_policies_v_rels" USING btree ("order");
  CREATE INDEX "_policies_v_rels_parent_idx" ON "_policies_v_rels" USING btree ("parent_id");
  CREATE INDEX "_policies_v_rels_path_idx" ON "_policies_v_rels" USING btree ("path");
  CREATE INDEX "_policies_v_rels_programmes_id_idx" ON "_policies_v_rels" USING btree ("programmes_id");
  CREATE INDEX "_policies_v_rels_media_id_idx" ON "_policies_v_rels" USING btree ("media_id");
  CREATE INDEX "guides_conditions_order_idx" ON "guides_conditions" USING btree ("_order");
  CREATE INDEX "guides_conditions_parent_id_idx" ON "guides_conditions" USING btree ("_parent_id");
  CREATE INDEX "guides_exclusions_order_idx" ON "guides_exclusions" USING btree ("_order");
  CREATE INDEX "guides_exclusions_parent_id_idx" ON "guides_exclusions" USING btree ("_parent_id");
  CREATE INDEX "guides_materials_order_idx" ON "guides_materials" USING btree ("_order");
  CREATE INDEX "guides_materials_parent_id_idx" ON "guides_materials" USING btree ("_parent_id");
  CREATE INDEX "guides_steps_order_idx" ON "guides_steps" USING btree ("_order");
  CREATE INDEX "guides_steps_parent_id_idx" ON "guides_steps" USING btree ("_parent_id");
  CREATE INDEX "guides_change_notes_order_idx" ON "guides_change_notes" USING btree ("_order");
  CREATE INDEX "guides_change_notes_parent_id_idx" ON "guides_change_notes" USING btree ("_parent_id");
  CREATE INDEX "guides_programme_idx" ON "guides" USING btree ("programme_id");
  CREATE INDEX "guides_last_edited_by_idx" ON "guides" USING btree ("last_edited_by_id");
  CREATE INDEX "guides_published_by_idx" ON "guides" USING btree ("published_by_id");
  CREATE INDEX "guides_updated_at_idx" ON "guides" USING btree ("updated_at");
  CREATE INDEX "guides_created_at_idx" ON "guides" USING btree ("created_at");
  CREATE INDEX "guides__status_idx" ON "guides" USING btree ("_status");
  CREATE INDEX "guides_rels_order_idx" ON "guides_rels" USING btree ("order");
  CREATE INDEX "guides_rels_parent_idx" ON "guides_rels" USING btree ("parent_id");
  CREATE INDEX "guides_rels_path_idx" ON "guides_rels" USING btree ("path");
  CREATE INDEX "guides_rels_policies_id_idx" ON "guides_rels" USING btree ("policies_id");
  CREATE INDEX "_guides_v_version_conditions_order_idx" ON "_guides_v_version_conditions" USING btree ("_order");
  CREATE INDEX "_guides_v_version_conditions_parent_id_idx" ON "_guides_v_version_conditions" USING btree ("_parent_id");
  CREATE INDEX "_guides_v_version_exclusions_order_idx" ON "_guides_v_version_exclusions" USING btree ("_order");
  CREATE INDEX "_guides_v_version_exclusions_parent_id_idx" ON "_guides_v_version_exclusions" USING btree ("_parent_id");
  CREATE INDEX "_guides_v_version_materials_order_idx" ON "_guides_v_version_materials" USING btree ("_order");
  CREATE INDEX "_guides_v_version_materials_parent_id_idx" ON "_guides_v_version_materials" USING btree ("_parent_id");
  CREATE INDEX "_guides_v_version_steps_order_idx" ON "_guides_v_version_steps" USING btree ("_order");
  CREATE INDEX "_guides_v_version_steps_parent_id_idx" ON "_guides_v_version_steps" USING btree ("_parent_id");
  CREATE INDEX "_guides_v_version_change_notes_order_idx" ON "_guides_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_guides_v_version_change_notes_parent_id_idx" ON "_guides_v_version_change_notes" USING btree ("_parent_id");
  CREATE INDEX "_guides_v_parent_idx" ON "_guides_v" USING btree ("parent_id");
  CREATE INDEX "_guides_v_version_version_programme_idx" ON "_guides_v" USING btree ("version_programme_id");
  CREATE INDEX "_guides_v_version_version_last_edited_by_idx" ON "_guides_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_guides_v_version_version_published_by_idx" ON "_guides_v" USING btree ("version_published_by_id");
  CREATE INDEX "_guides_v_version_version_updated_at_idx" ON "_guides_v" USING btree ("version_updated_at");
  CREATE INDEX "_guides_v_version_version_created_at_idx" ON "_guides_v" USING btree ("version_created_at");
  CREATE INDEX "_guides_v_version_version__status_idx" ON "_guides_v" USING btree ("version__status");
  CREATE INDEX "_guides_v_created_at_idx" ON "_guides_v" USING btree ("created_at");
  CREATE INDEX "_guides_v_updated_at_idx" ON "_guides_v" USING btree ("updated_at");
  CREATE INDEX "_guides_v_latest_idx" ON "_guides_v" USING btree ("latest");
  CREATE INDEX "_guides_v_rels_order_idx" ON "_guides_v_rels" USING btree ("order");
  CREATE INDEX "_guides_v_rels_parent_idx" ON "_guides_v_rels" USING btree ("parent_id");
  CREATE INDEX "_guides_v_rels_path_idx" ON "_guides_v_rels" USING btree ("path");
  CREATE INDEX "_guides_v_rels_policies_id_idx" ON "_guides_v_rels" USING btree ("policies_id");
  CREATE INDEX "standards_change_notes_order_idx" ON "standards_change_notes" USING btree ("_order");
  CREATE INDEX "standards_change_notes_parent_id_idx" ON "standards_change_notes" USING btree ("_parent_id");
  CREATE INDEX "standards_programme_idx" ON "standards" USING btree ("programme_id");
  CREATE INDEX "standards_region_idx" ON "standards" USING btree ("region_id");
  CREATE INDEX "standards_policy_idx" ON "standards" USING btree ("policy_id");
  CREATE INDEX "standards_last_edited_by_idx" ON "standards" USING btree ("last_edited_by_id");
  CREATE INDEX "standards_published_by_idx" ON "standards" USING btree ("published_by_id");
  CREATE INDEX "standards_updated_at_idx" ON "standards" USING btree ("updated_at");
  CREATE INDEX "standards_created_at_idx" ON "standards" USING btree ("created_at");
  CREATE INDEX "standards__status_idx" ON "standards" USING btree ("_status");
  CREATE INDEX "_standards_v_version_change_notes_order_idx" ON "_standards_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_standards_v_version_change_notes_parent_id_idx" ON "_standards_v_version_change_notes" USING btree ("_parent_id");
  CREATE INDEX "_standards_v_parent_idx" ON "_standards_v" USING btree ("parent_id");
  CREATE INDEX "_standards_v_version_version_programme_idx" ON "_standards_v" USING btree ("version_programme_id");
  CREATE INDEX "_standards_v_version_version_region_idx" ON "_standards_v" USING btree ("version_region_id");
  CREATE INDEX "_standards_v_version_version_policy_idx" ON "_standards_v" USING btree ("version_policy_id");
  CREATE INDEX "_standards_v_version_version_last_edited_by_idx" ON "_standards_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_standards_v_version_version_published_by_idx" ON "_standards_v" USING btree ("version_published_by_id");
  CREATE INDEX "_standards_v_version_version_updated_at_idx" ON "_standards_v" USING btree ("version_updated_at");
  CREATE INDEX "_standards_v_version_version_created_at_idx" ON "_standards_v" USING btree ("version_created_at");
  CREATE INDEX "_standards_v_version_version__status_idx" ON "_standards_v" USING btree ("version__status");
  CREATE INDEX "_standards_v_created_at_idx" ON "_standards_v" USING btree ("created_at");
  CREATE INDEX "_standards_v_updated_at_idx" ON "_standards_v" USING btree ("updated_at");
  CREATE INDEX "_standards_v_latest_idx" ON "_standards_v" USING btree ("latest");
  CREATE INDEX "media_region_idx" ON "media" USING btree ("region_id");
  CREATE INDEX "media_last_edited_by_idx" ON "media" USING btree ("last_edited_by_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_web_sizes_web_filename_idx" ON "media" USING btree ("sizes_web_filename");
  CREATE INDEX "programmes_stages_order_idx" ON "programmes_stages" USING btree ("_order");
  CREATE INDEX "programmes_stages_parent_id_idx" ON "programmes_stages" USING btree ("_parent_id");
  CREATE INDEX "programmes_region_overrides_stages_order_idx" ON "programmes_region_overrides_stages" USING btree ("_order");
  CREATE INDEX "programmes_region_overrides_stages_parent_id_idx" ON "programmes_region_overrides_stages" USING btree ("_parent_id");
  CREATE INDEX "programmes_region_overrides_order_idx" ON "programmes_region_overrides" USING btree ("_order");
  CREATE INDEX "programmes_region_overrides_parent_id_idx" ON "programmes_region_overrides" USING btree ("_parent_id");
  CREATE INDEX "programmes_region_overrides_region_idx" ON "programmes_region_overrides" USING btree ("region_id");
  CREATE UNIQUE INDEX "programmes_code_idx" ON "programmes" USING btree ("code");
  CREATE INDEX "programmes_updated_at_idx" ON "programmes" USING btree ("updated_at");
  CREATE INDEX "programmes_created_at_idx" ON "programmes" USING btree ("created_at");
  CREATE UNIQUE INDEX "regions_code_idx" ON "regions" USING btree ("code");
  CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_id");
  CREATE INDEX "regions_path_idx" ON "regions" USING btree ("path");
  CREATE INDEX "regions_updated_at_idx" ON "regions" USING btree ("updated_at");
  CREATE INDEX "regions_created_at_idx" ON "regions" USING btree ("created_at");
  CREATE UNIQUE INDEX "holidays_date_idx" ON "holidays" USING btree ("date");
  CREATE INDEX "holidays_updated_at_idx" ON "holidays" USING btree ("updated_at");
  CREATE INDEX "holidays_created_at_idx" ON "holidays" USING btree ("created_at");
  CREATE UNIQUE INDEX "calendar_years_year_idx" ON "calendar_years" USING btree ("year");
  CREATE INDEX "calendar_years_updated_at_idx" ON "calendar_years" USING btree ("updated_at");
  CREATE INDEX "calendar_years_created_at_idx" ON "calendar_years" USING btree ("created_at");
  CREATE UNIQUE INDEX "complaint_categories_code_idx" ON "complaint_categories" USING btree ("code");
  CREATE INDEX "complaint_categories_updated_at_idx" ON "complaint_categories" USING btree ("updated_at");
  CREATE INDEX "complaint_categories_created_at_idx" ON "complaint_categories" USING btree ("created_at");
  CREATE INDEX "reply_templates_updated_at_idx" ON "reply_templates" USING btree ("updated_at");
  CREATE INDEX "reply_templates_created_at_idx" ON "reply_templates" USING btree ("created_at");
  CREATE INDEX "complaint_files_updated_at_idx" ON "complaint_files" USING btree ("updated_at");
  CREATE INDEX "complaint_files_created_at_idx" ON "complaint_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "complaint_files_filename_idx" ON "complaint_files" USING btree ("filename");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "users_rels_order_idx" ON "users_rels" USING btree ("order");
  CREATE INDEX "users_rels_parent_idx" ON "users_rels" USING btree ("parent_id");
  CREATE INDEX "users_rels_path_idx" ON "users_rels" USING btree ("path");
  CREATE INDEX "users_rels_regions_id_idx" ON "users_rels" USING btree ("regions_id");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_target_collection_idx" ON "audit_log" USING btree ("target_collection");
  CREATE INDEX "audit_log_target_id_idx" ON "audit_log" USING btree ("target_id");
  CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");
  CREATE UNIQUE INDEX "scheduled_runs_key_idx" ON "scheduled_runs" USING btree ("key");
  CREATE INDEX "scheduled_runs_updated_at_idx" ON "scheduled_runs" USING btree ("updated_at");
  CREATE INDEX "scheduled_runs_created_at_idx" ON "scheduled_runs" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("notices_id");
  CREATE INDEX "payload_locked_documents_rels_complaints_id_idx" ON "payload_locked_documents_rels" USING btree ("complaints_id");
  CREATE INDEX "payload_locked_documents_rels_recipient_lists_id_idx" ON "payload_locked_documents_rels" USING btree ("recipient_lists_id");
  CREATE INDEX "payload_locked_documents_rels_recipient_rows_id_idx" ON "payload_locked_documents_rels" USING btree ("recipient_rows_id");
  CREATE INDEX "payload_locked_documents_rels_import_mappings_id_idx" ON "payload_locked_documents_rels" USING btree ("import_mappings_id");
  CREATE INDEX "payload_locked_documents_rels_policies_id_idx" ON "payload_locked_documents_rels" USING btree ("policies_id");
  CREATE INDEX "payload_locked_documents_rels_guides_id_idx" ON "payload_locked_documents_rels" USING btree ("guides_id");
  CREATE INDEX "payload_locked_documents_rels_standards_id_idx" ON "payload_locked_documents_rels" USING btree ("standards_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_programmes_id_idx" ON "payload_locked_documents_rels" USING btree ("programmes_id");
  CREATE INDEX "payload_locked_documents_rels_regions_id_idx" ON "payload_locked_documents_rels" USING btree ("regions_id");
  CREATE INDEX "payload_locked_documents_rels_holidays_id_idx" ON "payload_locked_documents_rels" USING btree ("holidays_id");
  CREATE INDEX "payload_locked_documents_rels_calendar_years_id_idx" ON "payload_locked_documents_rels" USING btree ("calendar_years_id");
  CREATE INDEX "payload_locked_documents_rels_complaint_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("complaint_categories_id");
  CREATE INDEX "payload_locked_documents_rels_reply_templates_id_idx" ON "payload_locked_documents_rels" USING btree ("reply_templates_id");
  CREATE INDEX "payload_locked_documents_rels_complaint_files_id_idx" ON "payload_locked_documents_rels" USING btree ("complaint_files_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");
  CREATE INDEX "payload_locked_documents_rels_scheduled_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("scheduled_runs_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "notices_entries" CASCADE;
  DROP TABLE "notices_change_notes" CASCADE;
  DROP TABLE "notices" CASCADE;
  DROP TABLE "_notices_v_version_entries" CASCADE;
  DROP TABLE "_notices_v_version_change_notes" CASCADE;
  DROP TABLE "_notices_v" CASCADE;
  DROP TABLE "complaints_internal_notes" CASCADE;
  DROP TABLE "complaints_pauses" CASCADE;
  DROP TABLE "complaints_timeline" CASCADE;
  DROP TABLE "complaints" CASCADE;
  DROP TABLE "complaints_rels" CASCADE;
  DROP TABLE "recipient_lists_change_notes" CASCADE;
  DROP TABLE "recipient_lists" CASCADE;
  DROP TABLE "_recipient_lists_v_version_change_notes" CASCADE;
  DROP TABLE "_recipient_lists_v" CASCADE;
  DROP TABLE "recipient_rows" CASCADE;
  DROP TABLE "import_mappings" CASCADE;
  DROP TABLE "policies_change_notes" CASCADE;
  DROP TABLE "policies" CASCADE;
  DROP TABLE "policies_rels" CASCADE;
  DROP TABLE "_policies_v_version_change_notes" CASCADE;
  DROP TABLE "_policies_v" CASCADE;
  DROP TABLE "_policies_v_rels" CASCADE;
  DROP TABLE "guides_conditions" CASCADE;
  DROP TABLE "guides_exclusions" CASCADE;
  DROP TABLE "guides_materials" CASCADE;
  DROP TABLE "guides_steps" CASCADE;
  DROP TABLE "guides_change_notes" CASCADE;
  DROP TABLE "guides" CASCADE;
  DROP TABLE "guides_rels" CASCADE;
  DROP TABLE "_guides_v_version_conditions" CASCADE;
  DROP TABLE "_guides_v_version_exclusions" CASCADE;
  DROP TABLE "_guides_v_version_materials" CASCADE;
  DROP TABLE "_guides_v_version_steps" CASCADE;
  DROP TABLE "_guides_v_version_change_notes" CASCADE;
  DROP TABLE "_guides_v" CASCADE;
  DROP TABLE "_guides_v_rels" CASCADE;
  DROP TABLE "standards_change_notes" CASCADE;
  DROP TABLE "standards" CASCADE;
  DROP TABLE "_standards_v_version_change_notes" CASCADE;
  DROP TABLE "_standards_v" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "programmes_stages" CASCADE;
  DROP TABLE "programmes_region_overrides_stages" CASCADE;
  DROP TABLE "programmes_region_overrides" CASCADE;
  DROP TABLE "programmes" CASCADE;
  DROP TABLE "regions" CASCADE;
  DROP TABLE "holidays" CASCADE;
  DROP TABLE "calendar_years" CASCADE;
  DROP TABLE "complaint_categories" CASCADE;
  DROP TABLE "reply_templates" CASCADE;
  DROP TABLE "complaint_files" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "users_rels" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "scheduled_runs" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "site_settings" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_notices_kind";
  DROP TYPE "public"."enum_notices_stage";
  DROP TYPE "public"."enum_notices_status";
  DROP TYPE "public"."enum__notices_v_version_kind";
  DROP TYPE "public"."enum__notices_v_version_stage";
  DROP TYPE "public"."enum__notices_v_version_status";
  DROP TYPE "public"."enum_complaints_timeline_type";
  DROP TYPE "public"."enum_complaints_kind";
  DROP TYPE "public"."enum_complaints_source";
  DROP TYPE "public"."enum_complaints_status";
  DROP TYPE "public"."enum_complaints_clock";
  DROP TYPE "public"."enum_complaints_feedback_satisfied";
  DROP TYPE "public"."enum_recipient_lists_kind";
  DROP TYPE "public"."enum_recipient_lists_import_status";
  DROP TYPE "public"."enum_recipient_lists_status";
  DROP TYPE "public"."enum__recipient_lists_v_version_kind";
  DROP TYPE "public"."enum__recipient_lists_v_version_import_status";
  DROP TYPE "public"."enum__recipient_lists_v_version_status";
  DROP TYPE "public"."enum_import_mappings_target";
  DROP TYPE "public"."enum_policies_validity";
  DROP TYPE "public"."enum_policies_status";
  DROP TYPE "public"."enum__policies_v_version_validity";
  DROP TYPE "public"."enum__policies_v_version_status";
  DROP TYPE "public"."enum_guides_status";
  DROP TYPE "public"."enum__guides_v_version_status";
  DROP TYPE "public"."enum_standards_unit";
  DROP TYPE "public"."enum_standards_status";
  DROP TYPE "public"."enum__standards_v_version_unit";
  DROP TYPE "public"."enum__standards_v_version_status";
  DROP TYPE "public"."enum_programmes_stages_key";
  DROP TYPE "public"."enum_programmes_stages_unit";
  DROP TYPE "public"."enum_programmes_region_overrides_stages_key";
  DROP TYPE "public"."enum_programmes_region_overrides_stages_unit";
  DROP TYPE "public"."enum_programmes_unit";
  DROP TYPE "public"."enum_regions_level";
  DROP TYPE "public"."enum_holidays_kind";
  DROP TYPE "public"."enum_complaint_categories_kind";
  DROP TYPE "public"."enum_complaint_categories_acknowledge_unit";
  DROP TYPE "public"."enum_complaint_categories_resolve_unit";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_scheduled_runs_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
