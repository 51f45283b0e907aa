import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "complaints" ADD COLUMN "urgency" varchar;
  CREATE INDEX "complaints_urgency_idx" ON "complaints" USING btree ("urgency");`)
  // Existing complaints get the key of cms/domain/complaintDeadlines.ts urgencyKey (each later save recomputes it).
  await db.execute(sql`
   UPDATE "complaints" SET "urgency" = CASE
     WHEN "status" = 'received' AND "acknowledge_due" IS NOT NULL THEN '0-' || to_char("acknowledge_due" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
     WHEN "status" = 'accepted' AND "resolve_due" IS NOT NULL THEN '0-' || to_char("resolve_due" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
     ELSE '1-' || lpad((99999999999999 - COALESCE(to_char("received_at" AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS'), '0')::bigint)::text, 14, '0')
   END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "complaints_urgency_idx";
  ALTER TABLE "complaints" DROP COLUMN "urgency";`)
}
