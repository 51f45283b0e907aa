import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_policy_interpretations_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__policy_interpretations_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "policy_interpretations_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "policy_interpretations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar,
  	"policy_id" uuid,
  	"issuer" varchar,
  	"published_on" timestamp(3) with time zone,
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
  	"_status" "enum_policy_interpretations_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_policy_interpretations_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"on" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_policy_interpretations_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_title" varchar,
  	"version_policy_id" uuid,
  	"version_issuer" varchar,
  	"version_published_on" timestamp(3) with time zone,
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
  	"version__status" "enum__policy_interpretations_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  ALTER TABLE "regions" ADD COLUMN "office_phone" varchar;
  ALTER TABLE "regions" ADD COLUMN "office_address" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "policy_interpretations_id" uuid;
  ALTER TABLE "site_settings" ADD COLUMN "website_code" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "icp_number" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "police_record_number" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "emblem_url" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "apply_disclosure_url" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "portal_name" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "portal_url" varchar;
  ALTER TABLE "policy_interpretations_change_notes" ADD CONSTRAINT "policy_interpretations_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."policy_interpretations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policy_interpretations" ADD CONSTRAINT "policy_interpretations_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policy_interpretations" ADD CONSTRAINT "policy_interpretations_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policy_interpretations" ADD CONSTRAINT "policy_interpretations_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_interpretations_v_version_change_notes" ADD CONSTRAINT "_policy_interpretations_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_policy_interpretations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policy_interpretations_v" ADD CONSTRAINT "_policy_interpretations_v_parent_id_policy_interpretations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policy_interpretations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_interpretations_v" ADD CONSTRAINT "_policy_interpretations_v_version_policy_id_policies_id_fk" FOREIGN KEY ("version_policy_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_interpretations_v" ADD CONSTRAINT "_policy_interpretations_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policy_interpretations_v" ADD CONSTRAINT "_policy_interpretations_v_version_published_by_id_users_id_fk" FOREIGN KEY ("version_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "policy_interpretations_change_notes_order_idx" ON "policy_interpretations_change_notes" USING btree ("_order");
  CREATE INDEX "policy_interpretations_change_notes_parent_id_idx" ON "policy_interpretations_change_notes" USING btree ("_parent_id");
  CREATE INDEX "policy_interpretations_policy_idx" ON "policy_interpretations" USING btree ("policy_id");
  CREATE INDEX "policy_interpretations_last_edited_by_idx" ON "policy_interpretations" USING btree ("last_edited_by_id");
  CREATE INDEX "policy_interpretations_published_by_idx" ON "policy_interpretations" USING btree ("published_by_id");
  CREATE INDEX "policy_interpretations_updated_at_idx" ON "policy_interpretations" USING btree ("updated_at");
  CREATE INDEX "policy_interpretations_created_at_idx" ON "policy_interpretations" USING btree ("created_at");
  CREATE INDEX "policy_interpretations__status_idx" ON "policy_interpretations" USING btree ("_status");
  CREATE INDEX "_policy_interpretations_v_version_change_notes_order_idx" ON "_policy_interpretations_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_policy_interpretations_v_version_change_notes_parent_id_idx" ON "_policy_interpretations_v_version_change_notes" USING btree ("_parent_id");
  CREATE INDEX "_policy_interpretations_v_parent_idx" ON "_policy_interpretations_v" USING btree ("parent_id");
  CREATE INDEX "_policy_interpretations_v_version_version_policy_idx" ON "_policy_interpretations_v" USING btree ("version_policy_id");
  CREATE INDEX "_policy_interpretations_v_version_version_last_edited_by_idx" ON "_policy_interpretations_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_policy_interpretations_v_version_version_published_by_idx" ON "_policy_interpretations_v" USING btree ("version_published_by_id");
  CREATE INDEX "_policy_interpretations_v_version_version_updated_at_idx" ON "_policy_interpretations_v" USING btree ("version_updated_at");
  CREATE INDEX "_policy_interpretations_v_version_version_created_at_idx" ON "_policy_interpretations_v" USING btree ("version_created_at");
  CREATE INDEX "_policy_interpretations_v_version_version__status_idx" ON "_policy_interpretations_v" USING btree ("version__status");
  CREATE INDEX "_policy_interpretations_v_created_at_idx" ON "_policy_interpretations_v" USING btree ("created_at");
  CREATE INDEX "_policy_interpretations_v_updated_at_idx" ON "_policy_interpretations_v" USING btree ("updated_at");
  CREATE INDEX "_policy_interpretations_v_latest_idx" ON "_policy_interpretations_v" USING btree ("latest");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_policy_interpretations_fk" FOREIGN KEY ("policy_interpretations_id") REFERENCES "public"."policy_interpretations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_policy_interpretations_id_idx" ON "payload_locked_documents_rels" USING btree ("policy_interpretations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "policy_interpretations_change_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "policy_interpretations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_policy_interpretations_v_version_change_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_policy_interpretations_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "policy_interpretations_change_notes" CASCADE;
  DROP TABLE "policy_interpretations" CASCADE;
  DROP TABLE "_policy_interpretations_v_version_change_notes" CASCADE;
  DROP TABLE "_policy_interpretations_v" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_policy_interpretations_fk";
  
  DROP INDEX "payload_locked_documents_rels_policy_interpretations_id_idx";
  ALTER TABLE "regions" DROP COLUMN "office_phone";
  ALTER TABLE "regions" DROP COLUMN "office_address";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "policy_interpretations_id";
  ALTER TABLE "site_settings" DROP COLUMN "website_code";
  ALTER TABLE "site_settings" DROP COLUMN "icp_number";
  ALTER TABLE "site_settings" DROP COLUMN "police_record_number";
  ALTER TABLE "site_settings" DROP COLUMN "emblem_url";
  ALTER TABLE "site_settings" DROP COLUMN "apply_disclosure_url";
  ALTER TABLE "site_settings" DROP COLUMN "portal_name";
  ALTER TABLE "site_settings" DROP COLUMN "portal_url";
  DROP TYPE "public"."enum_policy_interpretations_status";
  DROP TYPE "public"."enum__policy_interpretations_v_version_status";`)
}
