import { describe, expect, it } from "vitest";
import { buildChronology, type ChronologyInput } from "./build-chronology";

const T0 = new Date("2026-11-20T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function input(overrides: Partial<ChronologyInput> = {}): ChronologyInput {
  return {
    caseReference: "VCP-TEST-0001",
    displayName: "Woman, about 30 (fictional)",
    summary: [{ key: "Age group", value: "Adult" }],
    rescue: { reference: "R-TEST", occurredAt: T0, place: "Middlesbrough", loggedByAgencyName: "Police (test)" },
    atRiskPercent: 75,
    stages: [
      {
        title: "Emergency accommodation",
        ownerAgencyName: "Council (test)",
        target: "4 hours",
        clock: { state: "DONE", t0: T0, dueAt: at(240), completedAt: at(300), pausedAt: null, pausedMs: 0 },
        closingReason: null,
        decision: null,
      },
    ],
    timeline: [
      { id: "b", kind: "STAGE_COMPLETED", stageTitle: "Emergency accommodation", text: "Placed (fictional)", sensitivity: "GENERAL", actorName: "A Caseworker", actorAgencyName: "Council (test)", occurredAt: at(300) },
      { id: "a", kind: "RESCUE_LOGGED", stageTitle: null, text: null, sensitivity: "GENERAL", actorName: "A Officer", actorAgencyName: "Police (test)", occurredAt: at(5) },
      { id: "c", kind: "NOTE_ADDED", stageTitle: null, text: "Police note (fictional)", sensitivity: "POLICE", actorName: "A Officer", actorAgencyName: "Police (test)", occurredAt: at(310) },
    ],
    accommodation: { providerAgencyName: "Council (test)", address: null, recordedAt: at(300) },
    producedBy: { name: "Demo Council Lead", agencyName: "Council (test)" },
    producedAt: at(600),
    ...overrides,
  };
}

describe("buildChronology", () => {
  it("lists entries oldest first, in the timeline's words, with clock time and time since rescue", () => {
    const doc = buildChronology(input());
    expect(doc.entries.map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(doc.entries[0]).toMatchObject({ sentence: "Police (test) logged the rescue", sinceRescue: "T+5 min" });
    expect(doc.entries[1]).toMatchObject({ sentence: "Council (test) completed Emergency accommodation", sinceRescue: "T+5 h", detail: "Placed (fictional)" });
    expect(doc.entries[2]!.restricted).toBe("Police only");
  });

  it("puts a closing before the stage entries written in the same moment", () => {
    const moment = at(400);
    const entry = (id: string, kind: "CASE_CLOSED" | "STAGE_NOT_NEEDED") => ({ id, kind, stageTitle: null, text: null, sensitivity: "GENERAL" as const, actorName: "L", actorAgencyName: "Council (test)", occurredAt: moment });
    const doc = buildChronology(input({ timeline: [entry("a", "STAGE_NOT_NEEDED"), entry("z", "CASE_CLOSED"), entry("b", "STAGE_NOT_NEEDED")] }));
    expect(doc.entries.map((e) => e.id)).toEqual(["z", "a", "b"]);
  });

  it("says each stage against its target", () => {
    expect(buildChronology(input()).stages[0]!.outcome).toBe("Done in 5 h (1 h late)");
  });

  it("is headed with who produced it and when", () => {
    expect(buildChronology(input()).produced).toBe("Produced by Demo Council Lead, Council (test), on 20 Nov 2026, 20:00 GMT");
  });

  it("names the accommodation provider without an address the reader may not read, and with it when they may", () => {
    const without = buildChronology(input()).summary.find((row) => row.key === "Accommodation")!.value;
    expect(without).toBe("Arranged by Council (test); the address is not shown to your agency");
    const withAddress = buildChronology(input({ accommodation: { providerAgencyName: "Council (test)", address: "Flat 0, 1 Test Row", recordedAt: at(300) } }));
    expect(withAddress.summary.find((row) => row.key === "Accommodation")!.value).toContain("Flat 0, 1 Test Row");
  });

  it("adds nothing it was not given: no place for a minimal-record reader", () => {
    const doc = buildChronology(input({ rescue: { reference: "R-TEST", occurredAt: T0, place: null, loggedByAgencyName: "Police (test)" } }));
    expect(doc.summary[0]!.value).not.toContain("Middlesbrough");
  });
});
