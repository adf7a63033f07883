-- Beside each summary row's rescue ids, those rescues' record keys, in the same order
-- (docs/decisions/0018): the dashboard counts distinct rescues and sums their keys from the summary
-- alone, so a rescue count's key costs what the count costs and no rescue row is read.
ALTER TABLE "DashboardPersonMonth" ADD COLUMN "rescueKeys" INTEGER[] NOT NULL DEFAULT '{}';

-- The summaries built before this have no rescue keys: every month is rebuilt on the next read.
INSERT INTO "DashboardStaleMonth" ("partnershipId", "month")
SELECT DISTINCT "partnershipId", "dashboard_month"("occurredAt") FROM "Rescue"
ON CONFLICT DO NOTHING;
