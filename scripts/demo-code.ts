// `npm run demo:code`: the current sign-in code of the demo accounts, which all share one published
// TOTP secret (prisma/demo-accounts.ts). For the demo database only.
import "./lib/outside-next";
import { TOTP_PERIOD_SECONDS, totpStepAt } from "../src/domain/auth/totp-steps";
import { totpCodeForStep } from "../src/server/auth/totp";
import { DEMO_TOTP_SECRET } from "../prisma/demo-accounts";

const now = new Date();
const step = totpStepAt(now);
const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
console.log(`Demo sign-in code: ${totpCodeForStep(DEMO_TOTP_SECRET, step)} (for ${secondsLeft} more seconds; next: ${totpCodeForStep(DEMO_TOTP_SECRET, step + 1)})`);
console.log("Each code signs an account in once. To sign the same account in again within 30 seconds, use the next one.");
