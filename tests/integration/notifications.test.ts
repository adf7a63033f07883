import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/access/actor";
import { getSessionUserId } from "@/server/auth/session";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { countUnread } from "@/server/notifications/count-unread";
import { listNotifications } from "@/server/notifications/list-notifications";
import { markAllRead } from "@/server/notifications/mark-all-read";
import { markRead } from "@/server/notifications/mark-read";
import { notify, type Notice } from "@/server/notifications/notify";
import { markAllReadAction, markReadAction } from "../../src/app/(app)/notifications/actions";
import { outcomeOf, toFormData } from "../support/form-data";
import { createWorld, MINUTE, type World } from "../support/world";

// Only who is signed in is faked; the actions, use cases and database are real.
vi.mock("@/server/auth/session", () => import("../support/mock-session"));
// revalidatePath needs the cache context of a Next request; there is nothing to revalidate here.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const db = createPrismaClient();
const sessionUserId = vi.mocked(getSessionUserId);

let world: World;
let lead: Actor;
let colleague: Actor;
let admin: Actor;

beforeAll(async () => {
  world = await createWorld(db, "notifications");
  lead = await world.actor("HEALTH", "AGENCY_LEAD");
  colleague = await world.actor("HEALTH", "AGENCY_LEAD");
  admin = await world.actor("PARTNERSHIP", "ADMINISTRATOR");
});

beforeEach(() => {
  sessionUserId.mockReset();
  sessionUserId.mockResolvedValue(null);
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

let sequence = 0;
/** Sends one notice to each user, as the escalation sweep does, and returns each copy's id. */
async function send(userIds: string[], overrides: Partial<Notice> = {}): Promise<Record<string, string>> {
  sequence += 1;
  const dedupeKey = `test:${world.slug}:${sequence}`;
  await notify(db, userIds, {
    kind: "STAGE_OVERDUE",
    title: `Notice ${sequence}`,
    body: `Body ${sequence}`,
    href: `/people/example-${sequence}`,
    dedupeKey,
    ...overrides,
  });
  const rows = await db.notification.findMany({ where: { dedupeKey: { startsWith: `${dedupeKey}:` } } });
  return Object.fromEntries(rows.map((row) => [row.recipientId, row.id]));
}

const notice = (id: string) => db.notification.findUniqueOrThrow({ where: { id } });

describe("a user's notifications", () => {
  it("lists only their own, unread first and newest first, and audits the listing", async () => {
    const oldest = await send([lead.id, colleague.id]);
    const middle = await send([lead.id]);
    const newest = await send([colleague.id, lead.id]);
    const base = Date.now() - 60 * MINUTE;
    await db.notification.update({ where: { id: oldest[lead.id] }, data: { createdAt: new Date(base) } });
    await db.notification.update({ where: { id: middle[lead.id] }, data: { createdAt: new Date(base + MINUTE), readAt: new Date(base + 2 * MINUTE) } });
    await db.notification.update({ where: { id: newest[lead.id] }, data: { createdAt: new Date(base + 3 * MINUTE) } });
    const auditBefore = await db.auditEvent.count({ where: { userId: lead.id, action: "notification.list" } });

    const listed = await listNotifications(db, lead);

    expect(listed.map((n) => n.id)).toEqual([newest[lead.id], oldest[lead.id], middle[lead.id]]);
    expect(listed.map((n) => n.readAt === null)).toEqual([true, true, false]);
    expect(await countUnread(db, lead)).toBe(2);
    expect(await db.auditEvent.count({ where: { userId: lead.id, action: "notification.list", outcome: "allowed" } })).toBe(auditBefore + 1);
  });

  it("marks one of their own as read, once, with an audit row", async () => {
    const ids = await send([lead.id]);
    const id = ids[lead.id]!;
    const readAt = new Date(Date.now() - MINUTE);

    expect(await markRead(db, lead, { notificationId: id }, readAt)).toEqual({ ok: true, data: { notificationId: id } });
    expect((await notice(id)).readAt).toEqual(readAt);
    // Marking it again keeps the first time it was read.
    await markRead(db, lead, { notificationId: id }, new Date());
    expect((await notice(id)).readAt).toEqual(readAt);
    expect(await db.auditEvent.findMany({ where: { entityId: id }, select: { action: true, outcome: true, userId: true } })).toEqual([
      { action: "notification.read", outcome: "allowed", userId: lead.id },
      { action: "notification.read", outcome: "allowed", userId: lead.id },
    ]);
  });

  it("refuses to mark someone else's notice, as if it did not exist, and leaves it unread", async () => {
    const ids = await send([colleague.id]);
    const theirs = ids[colleague.id]!;

    await expect(markRead(db, lead, { notificationId: theirs })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markRead(db, lead, { notificationId: crypto.randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    expect((await notice(theirs)).readAt).toBeNull();
    expect(await db.auditEvent.findMany({ where: { entityId: theirs }, select: { userId: true, outcome: true } })).toEqual([
      { userId: lead.id, outcome: "denied" },
    ]);
    expect(await markRead(db, lead, { notificationId: "not-an-id" })).toMatchObject({ ok: false, fieldErrors: { notificationId: "Notice not found" } });
  });

  it("marks all of their own as read and nobody else's", async () => {
    const ids = await send([lead.id, colleague.id]);
    await send([lead.id]);
    expect(await countUnread(db, lead)).toBeGreaterThanOrEqual(2);

    const result = await markAllRead(db, lead);

    expect(result.ok && result.data.count).toBeGreaterThanOrEqual(2);
    expect(await countUnread(db, lead)).toBe(0);
    expect((await notice(ids[colleague.id]!)).readAt).toBeNull();
  });

  it("is refused to a role without notices, whose header count is 0", async () => {
    await expect(listNotifications(db, admin)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markAllRead(db, admin)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countUnread(db, admin)).toBe(0);
  });
});

describe("the notification page's actions", () => {
  it("mark a notice read for its recipient and go back to the list", async () => {
    const id = (await send([lead.id]))[lead.id]!;
    sessionUserId.mockResolvedValue(lead.id);

    const outcome = await outcomeOf(() => markReadAction(toFormData({ notificationId: id })));

    expect(outcome).toMatchObject({ redirectedTo: "/notifications?read=one" });
    expect((await notice(id)).readAt).not.toBeNull();
  });

  it("say 'not found' for someone else's notice and leave it unread", async () => {
    const theirs = (await send([colleague.id]))[colleague.id]!;
    sessionUserId.mockResolvedValue(lead.id);

    const outcome = await outcomeOf(() => markReadAction(toFormData({ notificationId: theirs })));

    expect(outcome).toMatchObject({ redirectedTo: "/notifications?read=missing" });
    expect((await notice(theirs)).readAt).toBeNull();
  });

  it("mark all read only for the signed-in user", async () => {
    const ids = await send([lead.id, colleague.id]);
    sessionUserId.mockResolvedValue(lead.id);

    const outcome = await outcomeOf(() => markAllReadAction());

    expect(outcome).toMatchObject({ redirectedTo: "/notifications?read=all" });
    expect((await notice(ids[lead.id]!)).readAt).not.toBeNull();
    expect((await notice(ids[colleague.id]!)).readAt).toBeNull();
  });
});
