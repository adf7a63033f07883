import { formatLondonDateTime } from "@/domain/time/london";
import type { IssuedLink } from "@/lib/form-state";
import type { IssuedActivationLink } from "@/server/accounts/issue-activation-link";
import { publicOrigin } from "@/server/http/public-origin";

/** A link a use case made, as the administrator's form shows it: absolute, expiry in London time. */
export async function issuedLinkView(link: IssuedActivationLink, purpose: IssuedLink["purpose"]): Promise<IssuedLink> {
  return { url: `${await publicOrigin()}${link.path}`, expiresAt: formatLondonDateTime(link.expiresAt), purpose };
}
