-- Administrative changes (accounts, agencies, the pathway) are audited with each field before and after.
ALTER TABLE "AuditEvent" ADD COLUMN "changes" JSONB;
