import "server-only";
import { z } from "zod";
import { accountFields } from "./account-input";

/** What the reset and new-link buttons post: which account, at which version. */
export const accountLinkSchema = z.object({ userId: accountFields.userId, version: accountFields.version });

export const SWITCHED_OFF_MESSAGE = "This account is switched off. Switch it on first: a link for a switched-off account would not work.";
