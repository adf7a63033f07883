import { notFound } from "next/navigation";
import { isRecordId } from "@/domain/record-id";

/**
 * A page's route parameters, each of which must be a record id: anything else (`/people/not-a-uuid`,
 * `/rescues/'`) is the not-found page, as for a record that does not exist or is not visible.
 */
export async function recordIdsOrNotFound<T extends Record<string, string>>(params: Promise<T>): Promise<T> {
  const values = await params;
  if (!Object.values(values).every(isRecordId)) notFound();
  return values;
}
