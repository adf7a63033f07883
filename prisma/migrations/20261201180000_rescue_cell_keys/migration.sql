-- Cell-key perturbation for rescues (operations), docs/decisions/0018. The dashboard counts the
-- rescues its people came from, so each rescue gets its own random record key, 0 to 255, fixed when
-- the row is made, with the same default as Person."cellKey" (volatile: every existing rescue is
-- backfilled with its own key as the column is added).
ALTER TABLE "Rescue" ADD COLUMN "cellKey" INTEGER NOT NULL DEFAULT get_byte(uuid_send(gen_random_uuid()), 0);
ALTER TABLE "Rescue" ADD CONSTRAINT "Rescue_cellKey_range" CHECK ("cellKey" BETWEEN 0 AND 255);
