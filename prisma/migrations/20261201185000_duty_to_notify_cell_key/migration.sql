-- A record key for each Duty to Notify, so the dashboard's count of them is perturbed like every
-- other count (decision record 0018). Random and independent of any person's key, so it links the
-- record to nobody; existing rows get one from the default.
ALTER TABLE "DutyToNotify" ADD COLUMN "cellKey" integer NOT NULL DEFAULT get_byte(uuid_send(gen_random_uuid()), 0);
ALTER TABLE "DutyToNotify" ADD CONSTRAINT "DutyToNotify_cellKey_range" CHECK ("cellKey" BETWEEN 0 AND 255);
