/** How long an activation or reset link works after an administrator makes it. */
export const ACTIVATION_LINK_LIFETIME_HOURS = 72;

/** The path a link's token is redeemed at; the token is the only secret in it. */
export function activationPath(token: string): string {
  return `/activate/${token}`;
}
