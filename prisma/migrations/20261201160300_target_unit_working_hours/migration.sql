-- Issue 11: a target can count the owning agency's open hours. Alone in its migration: a value added
-- with ALTER TYPE ... ADD VALUE cannot be used in the transaction that adds it.
ALTER TYPE "TargetUnit" ADD VALUE 'WORKING_HOURS';
