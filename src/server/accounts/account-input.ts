import "server-only";
import { z } from "zod";
import { typedText } from "@/domain/input/text";
import { wholeNumber } from "@/domain/input/whole-number";
import { ROLES } from "@/domain/types";

/** The fields the account forms share, read the same way everywhere. */
export const accountFields = {
  userId: z.uuid("Staff account not found"),
  // The version the form was shown with: a change made since then refuses this one (stale-version).
  version: wholeNumber("Reload the page and try again", z.number().min(0, "Reload the page and try again")),
  name: typedText({ error: "Enter the person's full name" })
    .trim()
    .min(1, "Enter the person's full name")
    .max(120, "Enter a name of 120 characters or fewer"),
  // One spelling per address: stored trimmed and in lower case, so "Jo@X.example" cannot be added beside "jo@x.example".
  email: typedText({ error: "Enter an email address" })
    .trim()
    .min(1, "Enter an email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .toLowerCase()
    .pipe(z.email("Enter an email address in the right format, like name@agency.example")),
  role: z.enum(ROLES, { error: "Select a role" }),
  agencyId: z.uuid({ error: "Select an agency" }),
};

export const STALE_ACCOUNT_MESSAGE =
  "Someone else changed this account since you opened this page. Check its details below, then make your change again.";
