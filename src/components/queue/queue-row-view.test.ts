import { describe, expect, it } from "vitest";
import { readClock, type ClockInput } from "@/domain/pathway/clock";
import { queueRowView } from "./queue-row-view";

const now = new Date("2026-03-10T12:00:00Z");
const clockInput: ClockInput = { state: "IN_PROGRESS", t0: new Date("2026-03-09T12:00:00Z"), dueAt: new Date("2026-03-10T13:15:00Z"), completedAt: null, pausedAt: null, pausedMs: 0 };
const row = {
  stageId: "11111111-1111-4111-8111-111111111111",
  personId: "22222222-2222-4222-8222-222222222222",
  stageTitle: "Health check",
  caseReference: "VCP-1234",
  displayName: "Ana Example",
  pendingReferralTo: null,
  noContact: null,
  safety: { risks: ["reTraffickingRisk" as const], safeContact: "Call 07700 900123 after 6pm", neverContact: "Never the landline" },
  clockInput,
  clock: readClock(clockInput, now, 75),
  atRiskPercent: 75,
  assigneeId: "33333333-3333-4333-8333-333333333333",
  assigneeName: "Sam Lead",
  canClaim: false,
  canAssign: true,
};

describe("queueRowView", () => {
  it("carries the row's words, worked out once", () => {
    const view = queueRowView(row, "44444444-4444-4444-8444-444444444444");
    expect(view.clock).toMatchObject({ kind: "at_risk", words: "At risk: 1 h 15 min left", dueText: "10 Mar 2026, 13:15 GMT", t0: clockInput.t0.getTime() });
    expect(view.safetyWords).toBe("Risk of re-trafficking · Contact safely: see the record");
    expect(view.assignee).toBe("Sam Lead");
    expect(view.selectValue).toBe(`${row.stageId}:${row.assigneeId}`);
    expect(queueRowView(row, row.assigneeId).assignee).toBe("You");
    expect(queueRowView({ ...row, assigneeId: null, assigneeName: null, canAssign: false }, row.assigneeId).selectValue).toBeNull();
  });

  it("never carries a person's contact instructions to the browser", () => {
    const sent = JSON.stringify(queueRowView(row, row.assigneeId));
    expect(sent).not.toContain("07700");
    expect(sent).not.toContain("landline");
  });
});
