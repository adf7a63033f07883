// The account actions as the browser calls them: the one-time link comes back in the response as an
// absolute URL with a London expiry, and nowhere else (no redirect address carries it).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { initialFormState, type LinkFormState } from "@/lib/form-state";
import type { Actor } from "@/server/access/actor";
import { getSessionUserId } from "@/server/auth/session";
import { hashSessionSecret } from "@/server/auth/session-secret";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { outcomeOf, toFormData } from "../support/form-data";
import { createWorld, type World } from "../support/world";

// Only who is signed in is faked (see server-actions-auth.test.ts for why each mock is needed).
vi.mock("@/server/auth/session", () => import("../support/mock-session"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { createUserAction } = await import("@/app/(app)/admin/users/new/actions");
const { resetPasswordAction, switchUserActiveAction } = await import("@/app/(app)/admin/users/[userId]/actions");

const db = createPrismaClient();
let world: World;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld(db, "account-actions");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
  vi.mocked(getSessionUserId).mockResolvedValue(admin.id);
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

const LINK = /^http:\/\/localhost:3000\/activate\/([A-Za-z0-9_-]{40,})$/;
const LONDON_TIME = /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} (GMT|BST)$/;

describe("the account actions", () => {
  it("hand the new account's activation link back once, absolute, with its expiry in London time", async () => {
    const email = `action-${randomUUID()}@test.example`;
    const outcome = await outcomeOf(() =>
      createUserAction(initialFormState, toFormData({ name: "Fictional Action Caseworker", email, role: "CASEWORKER", agencyId: world.agencies.POLICE.id })),
    );
    expect(outcome).toHaveProperty("returned");
    const state = (outcome as { returned: LinkFormState }).returned;
    expect(state).toMatchObject({ fieldErrors: {}, userName: "Fictional Action Caseworker", link: { purpose: "ACTIVATE", url: expect.stringMatching(LINK), expiresAt: expect.stringMatching(LONDON_TIME) } });
    const token = LINK.exec(state.link!.url)![1]!;
    expect(await db.activationLink.findUniqueOrThrow({ where: { tokenHash: hashSessionSecret(token) } })).toMatchObject({ userId: state.userId });
  });

  it("hand a reset's link back the same way, and send a switch-off to the user's page with no secret in the address", async () => {
    const user = await db.user.create({ data: { agencyId: world.agencies.POLICE.id, role: "CASEWORKER", email: `reset-${randomUUID()}@test.example`, name: "Fictional Reset", passwordHash: "scrypt$x", totpSecret: "encrypted:fictional", totpEnrolledAt: new Date() } });

    const reset = await outcomeOf(() => resetPasswordAction(initialFormState, toFormData({ userId: user.id, version: 0 })));
    expect(reset).toMatchObject({ returned: { fieldErrors: {}, link: { purpose: "RESET_PASSWORD", url: expect.stringMatching(LINK) } } });

    const off = await outcomeOf(() => switchUserActiveAction(initialFormState, toFormData({ userId: user.id, version: 1, active: "off" })));
    expect(off).toMatchObject({ redirectedTo: `/admin/users/${user.id}?done=off` });
  });
});
