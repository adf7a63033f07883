import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { personFormInput, rescueFormInput } from "../../prisma/factories";
import { GET } from "@/app/api/live/route";
import type { Actor } from "@/server/access/actor";
import { getSessionUserId } from "@/server/auth/session";
import { db as appDb } from "@/server/db/client";
import { createPrismaClient } from "@/server/db/create-client";
import { liveEventListenerCount } from "@/server/live/bus";
import { stopListening } from "@/server/live/listener";
import { openLiveStream } from "@/server/live/open-live-stream";
import { LIVE_CHANNEL } from "@/server/live/publish";
import { addNote } from "@/server/people/add-note";
import { logRescue } from "@/server/rescues/log-rescue";
import { changeStage } from "@/server/stages/change-stage";
import { logOnePerson } from "../support/log-person";
import { createWorld, MINUTE, type World } from "../support/world";

// Only who is signed in is faked. The route, the actor, the use cases and the database are real.
vi.mock("@/server/auth/session", () => import("../support/mock-session"));

const db = createPrismaClient();
const sessionUserId = vi.mocked(getSessionUserId);
const WAIT_MS = 5_000;

type Person = Awaited<ReturnType<typeof logOnePerson>>;

let home: World;
let elsewhere: World;
let police: Actor;
let council: Actor;
let councilLead: Actor;
let coordinator: Actor;
let otherCouncil: Actor;
let person: Person;
let stranger: Person;

const openStreams: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  home = await createWorld(db, "live");
  elsewhere = await createWorld(db, "live-other");
  police = await home.actor("POLICE");
  council = await home.actor("COUNCIL_SAFEGUARDING");
  councilLead = await home.actor("COUNCIL_SAFEGUARDING", "AGENCY_LEAD");
  coordinator = await home.actor("PARTNERSHIP", "COORDINATOR");
  otherCouncil = await elsewhere.actor("COUNCIL_SAFEGUARDING");
  const now = new Date();
  person = await logOnePerson(db, police, { t0: new Date(now.getTime() - 30 * MINUTE), now });
  // Same kind of agency, another partnership: nobody at home may hear about this person.
  stranger = await logOnePerson(db, await elsewhere.actor("POLICE"), { t0: new Date(now.getTime() - 30 * MINUTE), now });
});

afterEach(async () => {
  await Promise.all(openStreams.splice(0).map((stream) => stream.close()));
});

afterAll(async () => {
  await stopListening();
  await Promise.all([db.$disconnect(), appDb.$disconnect()]);
});

/** Reads a server-sent event stream as text, as a browser's EventSource would receive it. */
function readStream(body: ReadableStream<Uint8Array>, abort: () => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // cancelled
    }
    ended = true;
  })();
  const stream = {
    get text() {
      return text;
    },
    get ended() {
      return ended;
    },
    /** The data of every `change` event so far. */
    changes(): unknown[] {
      return [...text.matchAll(/^event: change\ndata: (.*)$/gm)].map((match) => JSON.parse(match[1]!));
    },
    async waitFor(predicate: () => boolean, what: string) {
      await vi.waitFor(
        () => {
          if (!predicate()) throw new Error(`Still waiting for ${what}; stream so far:\n${text}`);
        },
        { timeout: WAIT_MS, interval: 20 },
      );
    },
    async close() {
      abort();
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
  openStreams.push(stream);
  return stream;
}

/** GET /api/live as `user`, the way the browser's EventSource calls it. */
async function connect(user: Actor | null) {
  sessionUserId.mockResolvedValue(user?.id ?? null);
  const controller = new AbortController();
  const response = await GET(new Request("http://127.0.0.1/api/live", { signal: controller.signal }));
  return { response, controller };
}

async function connectAndRead(user: Actor) {
  const { response, controller } = await connect(user);
  expect(response.status).toBe(200);
  const stream = readStream(response.body!, () => controller.abort());
  await stream.waitFor(() => stream.text.includes(": connected"), "the stream to open");
  return { response, stream, controller };
}

function startAccommodation(actor: Actor, target: Person) {
  return db.stage
    .findUniqueOrThrow({ where: { id: target.stage("accommodation").id } })
    .then((stage) => changeStage(db, actor, { stageId: stage.id, version: stage.version, action: "start" }));
}

describe("GET /api/live for a caseworker", () => {
  it("is an event stream that no cache or proxy may keep or buffer", async () => {
    const { response } = await connectAndRead(council);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
  });

  it("passes on a change to a person the user can see, naming only the person", async () => {
    const { stream } = await connectAndRead(council);

    const changed = await startAccommodation(councilLead, person);
    expect(changed.ok).toBe(true);

    await stream.waitFor(() => stream.changes().length > 0, "the change event");
    expect(stream.changes()).toEqual([{ personId: person.personId }]);
  });

  it("says nothing about a change to a person of an agency in another partnership", async () => {
    const { stream } = await connectAndRead(council);

    // First the person they may not see, then one they may: events are checked in order, so once the
    // second has arrived the first would have arrived too.
    expect((await startAccommodationFresh(otherCouncil, stranger)).ok).toBe(true);
    expect((await addNote(db, police, { personId: person.personId, text: "Spoke to the person (fictional)" })).ok).toBe(true);

    await stream.waitFor(() => stream.changes().length > 0, "the change to the visible person");
    expect(stream.changes()).toEqual([{ personId: person.personId }]);
    expect(stream.text).not.toContain(stranger.personId);
    expect(stream.text).not.toContain(stranger.rescueId);
  });

  it("passes on the people of a newly logged rescue who are in the user's view", async () => {
    const { stream } = await connectAndRead(council);

    const logged = await logRescue(db, police, rescueFormInput({ people: [personFormInput(), personFormInput({ description: "Second person (fictional)" })] }));
    if (!logged.ok) throw new Error(JSON.stringify(logged));
    const newPeople = await db.person.findMany({ where: { rescueId: logged.data.rescueId }, select: { id: true } });

    await stream.waitFor(() => stream.changes().length === 2, "both new people");
    expect(stream.changes()).toEqual(expect.arrayContaining(newPeople.map((p) => ({ personId: p.id }))));
  });

  it("passes on a change that another server process announced through Postgres", async ({ skip }) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>("SELECT version()");
      // The embedded database serves one app process only: LISTEN cannot hear other connections there.
      if (rows[0]!.version.includes("PGlite")) skip("embedded Postgres has no cross-connection NOTIFY");
      const { stream } = await connectAndRead(council);
      // The listener connects when the first stream opens; give it a moment to LISTEN.
      await listenerBackend(client);

      const notify = (personId: string) =>
        client.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify({ personId, origin: "another-server-process" })]);
      await notify(stranger.personId);
      await client.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, "not json"]);
      await notify(person.personId);

      await stream.waitFor(() => stream.changes().length > 0, "the change from the other process");
      expect(stream.changes()).toEqual([{ personId: person.personId }]);
      expect(stream.text).not.toContain(stranger.personId);
    } finally {
      await client.end();
    }
  });

  it("reconnects after losing its Postgres connection, and tells open pages to catch up", async ({ skip }) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>("SELECT version()");
      if (rows[0]!.version.includes("PGlite")) skip("embedded Postgres has no cross-connection NOTIFY");
      const { stream } = await connectAndRead(council);
      const lost = await listenerBackend(client);

      await client.query("SELECT pg_terminate_backend($1)", [lost]);

      // Changes made while it was down were not heard: the page is told to reload.
      await stream.waitFor(() => stream.text.includes("event: resync"), "the resync event");
      const replacement = await listenerBackend(client);
      expect(replacement).not.toBe(lost);
      await client.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify({ personId: person.personId, origin: "another-server-process" })]);
      await stream.waitFor(() => stream.changes().length > 0, "a change after the reconnection");
      expect(stream.changes()).toEqual([{ personId: person.personId }]);
    } finally {
      await client.end();
    }
  });

  it("stops listening when the browser goes away", async () => {
    const before = liveEventListenerCount();
    const { stream, controller } = await connectAndRead(council);
    expect(liveEventListenerCount()).toBe(before + 1);

    controller.abort();

    await stream.waitFor(() => stream.ended, "the stream to end");
    expect(liveEventListenerCount()).toBe(before);
  });
});

describe("GET /api/live for the partnership coordinator", () => {
  it("passes on changes to cases in their partnership only", async () => {
    const { stream } = await connectAndRead(coordinator);

    expect((await addNote(db, otherCouncil, { personId: stranger.personId, text: "Elsewhere (fictional)" })).ok).toBe(true);
    expect((await addNote(db, council, { personId: person.personId, text: "At home (fictional)" })).ok).toBe(true);

    await stream.waitFor(() => stream.changes().length > 0, "the change in their partnership");
    expect(stream.changes()).toEqual([{ personId: person.personId }]);
    expect(stream.text).not.toContain(stranger.personId);
  });
});

describe("GET /api/live refused", () => {
  it("answers 401, not a stream or a redirect, when nobody is signed in", async () => {
    const { response } = await connect(null);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).not.toMatch(/event-stream/);
    expect(response.headers.get("location")).toBeNull();
  });

  it("treats a switched-off account as signed out", async () => {
    const user = await home.actor("COUNCIL_SAFEGUARDING");
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    const { response } = await connect(user);
    expect(response.status).toBe(401);
  });

  it.each([
    ["PCC office", "PCC_OFFICE", "PCC_OFFICE"],
    ["administrator", "PARTNERSHIP", "ADMINISTRATOR"],
  ] as const)("answers 403 to the %s, who has no person or case view, and audits the refusal", async (_label, kind, role) => {
    const user = await home.actor(kind, role);
    const { response } = await connect(user);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).not.toMatch(/event-stream/);
    const denied = await db.auditEvent.findMany({ where: { userId: user.id } });
    expect(denied).toEqual([expect.objectContaining({ action: "permission.denied", entity: "LiveUpdates", outcome: "denied" })]);
  });

  it("ends an open stream at the next heartbeat once the account is switched off", async () => {
    const user = await home.actor("COUNCIL_SAFEGUARDING");
    const controller = new AbortController();
    const stream = readStream(await openLiveStream(db, user, { signal: controller.signal, heartbeatMs: 100 }), () => controller.abort());
    await stream.waitFor(() => stream.text.includes(": heartbeat"), "a heartbeat");
    expect(stream.ended).toBe(false);

    await db.user.update({ where: { id: user.id }, data: { active: false } });

    await stream.waitFor(() => stream.ended, "the stream to end");
    const textAtEnd = stream.text;
    await addNote(db, police, { personId: person.personId, text: "After the switch-off (fictional)" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.text).toBe(textAtEnd);
  });
});

/** The process id of this test database's LISTEN connection, once it is listening. */
async function listenerBackend(client: pg.Client): Promise<number> {
  let pid = 0;
  await vi.waitFor(
    async () => {
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1",
        [`LISTEN ${LIVE_CHANNEL}`],
      );
      expect(rows).toHaveLength(1);
      pid = rows[0]!.pid;
    },
    { timeout: WAIT_MS },
  );
  return pid;
}

/** Starts accommodation if it has not been started yet in an earlier test, else pauses and resumes it. */
async function startAccommodationFresh(actor: Actor, target: Person) {
  const stage = await db.stage.findUniqueOrThrow({ where: { id: target.stage("accommodation").id } });
  if (stage.state === "NOT_STARTED") return startAccommodation(actor, target);
  return changeStage(db, actor, { stageId: stage.id, version: stage.version, action: "pause", text: "In A&E (fictional)" });
}
