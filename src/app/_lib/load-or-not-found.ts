import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/server/errors";

/** Pages show "not found" both for a missing record and for one the user may not see. */
export async function loadOrNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}
