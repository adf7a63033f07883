-- Issue 14: a child can be unlinked from a parent (src/server/people/link-dependant.ts), on both timelines.
ALTER TYPE "TimelineKind" ADD VALUE 'DEPENDANT_UNLINKED';
