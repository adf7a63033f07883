import { describe, expect, it } from "vitest";
import { coordinatorNotice, leadNotice, pccSummaryNotice, type OverdueStage } from "./escalation-notices";

const stage: OverdueStage = {
  escalationId: "e1",
  stageId: "s1",
  personId: "p1",
  caseReference: "VCP-TEST-0001",
  stageTitle: "Health check (triage)",
  ownerAgencyName: "Teesmoor NHS Health",
  dueAt: new Date("2026-07-01T11:00:00Z"),
};
const now = new Date("2026-07-01T13:10:00Z");

describe("notices about an overdue stage", () => {
  it("tell the lead which case and stage, when it was due and how late, and link to the stage", () => {
    expect(leadNotice(stage, now)).toEqual({
      kind: "STAGE_OVERDUE",
      title: "Health check (triage) is overdue",
      body: "Case VCP-TEST-0001: Health check (triage) was due 1 Jul 2026, 12:00 BST and was overdue by 2 h 10 min when this notice was sent.",
      href: "/people/p1/stages/s1",
      dedupeKey: "escalation:e1",
    });
  });

  it("tell the coordinator the case reference and the owning agency, and link to the pseudonymised case", () => {
    const notice = coordinatorNotice(stage, now);
    expect(notice).toMatchObject({ kind: "STAGE_OVERDUE_ESCALATED", href: "/cases/p1", dedupeKey: "escalation:e1" });
    expect(notice.body).toContain("VCP-TEST-0001");
    expect(notice.body).toContain("Teesmoor NHS Health");
  });
});

describe("the PCC office's summary", () => {
  const escalations = [
    { escalationId: "b", stageTitle: "Health check (triage)", ownerAgencyName: "Health" },
    { escalationId: "a", stageTitle: "Emergency accommodation", ownerAgencyName: "Council" },
    { escalationId: "c", stageTitle: "Health check (triage)", ownerAgencyName: "Health" },
  ];

  it("counts by stage and owning agency, largest first, and links nowhere", () => {
    expect(pccSummaryNotice(escalations, 4)).toMatchObject({
      kind: "OVERDUE_SUMMARY",
      // Small numbers are suppressed as everywhere the PCC office looks.
      title: "Stages still overdue after escalation: [c]",
      body: "Stages overdue long enough to be escalated to the PCC office, by stage and owning agency. Health check (triage), Health: [c]; Emergency accommodation, Council: [c]. [c]: hidden, because it counts 1 to 4 people, is worked out from so few, or would let such a count be worked out.",
      href: null,
    });
  });

  it("shows counts above the threshold, and hides a small one together with another so neither can be worked out", () => {
    const many = (n: number, stageTitle: string, ownerAgencyName: string) =>
      Array.from({ length: n }, (_, i) => ({ escalationId: `${stageTitle}-${i}`, stageTitle, ownerAgencyName }));
    const large = pccSummaryNotice([...many(12, "Health check (triage)", "Health"), ...many(7, "Emergency accommodation", "Council")], 4);
    expect(large.title).toBe("19 stages still overdue after escalation");
    expect(large.body).toContain("Health check (triage), Health: 12; Emergency accommodation, Council: 7.");
    const mixed = pccSummaryNotice([...many(12, "Health check (triage)", "Health"), ...many(2, "Emergency accommodation", "Council")], 4);
    expect(mixed.body).not.toMatch(/\b2\b|\b12\b/);
    expect(mixed.body).toContain("Emergency accommodation, Council: [c]");
    // The 12 is hidden only to protect the 2: it reads the same, never "<5", which would be untrue.
    expect(mixed.body).toContain("Health check (triage), Health: [c]");
    expect(large.body).not.toContain("[c]");
  });

  it("hides counts up to the partnership's own threshold and says so in the same terms", () => {
    const many = (n: number, stageTitle: string, ownerAgencyName: string) =>
      Array.from({ length: n }, (_, i) => ({ escalationId: `${stageTitle}-${i}`, stageTitle, ownerAgencyName }));
    const five = many(5, "Health check (triage)", "Health");
    expect(pccSummaryNotice(five, 4)).toMatchObject({ title: "5 stages still overdue after escalation" });
    const stricter = pccSummaryNotice(five, 6);
    expect(stricter.title).toBe("Stages still overdue after escalation: [c]");
    expect(stricter.body).toContain("Health check (triage), Health: [c].");
    expect(stricter.body).toContain("counts 1 to 6 people");
    expect(`${stricter.title} ${stricter.body}`).not.toMatch(/\b5\b/);
    expect(pccSummaryNotice(many(1, "Health check (triage)", "Health"), 1).title).toBe("Stages still overdue after escalation: [c]");
    expect(pccSummaryNotice(many(2, "Health check (triage)", "Health"), 1).title).toBe("2 stages still overdue after escalation");
  });

  it("has the same key for the same escalations in any order, and another key for others", () => {
    const key = pccSummaryNotice(escalations, 4).dedupeKey;
    expect(pccSummaryNotice([...escalations].reverse(), 4).dedupeKey).toBe(key);
    expect(pccSummaryNotice(escalations.slice(1), 4).dedupeKey).not.toBe(key);
    expect(key).toMatch(/^overdue-summary:[0-9a-f]{32}$/);
  });
});
