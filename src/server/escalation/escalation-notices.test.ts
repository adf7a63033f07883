import { describe, expect, it } from "vitest";
import { MAX_CHANGE, PERTURBATION_NOTE, perturbCount } from "@/domain/statistics/cell-key";
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
    { escalationId: "b", stageTitle: "Health check (triage)", ownerAgencyName: "Health", cellKey: 10 },
    { escalationId: "a", stageTitle: "Emergency accommodation", ownerAgencyName: "Council", cellKey: 20 },
    { escalationId: "c", stageTitle: "Health check (triage)", ownerAgencyName: "Health", cellKey: 30 },
  ];
  /** `n` escalated stages of one stage and agency; the people's record keys are 0, 1, 2, ... plus `offset`. */
  const many = (n: number, stageTitle: string, ownerAgencyName: string, offset = 0) =>
    Array.from({ length: n }, (_, i) => ({ escalationId: `${stageTitle}-${i}`, stageTitle, ownerAgencyName, cellKey: (i + offset) % 256 }));
  /** The key sum of `many(n, ..., offset)`. */
  const keySumOf = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => (i + offset) % 256).reduce((a, b) => a + b, 0);

  it("counts by stage and owning agency, and links nowhere", () => {
    expect(pccSummaryNotice(escalations, 4)).toMatchObject({
      kind: "OVERDUE_SUMMARY",
      // Small numbers are suppressed as everywhere the PCC office looks.
      title: "Stages still overdue after escalation: [c]",
      body: `Stages overdue long enough to be escalated to the PCC office, by stage and owning agency. Emergency accommodation, Council: [c]; Health check (triage), Health: [c]. [c]: hidden, because it counts 1 to 4 people, is worked out from so few, or would let such a count be worked out. ${PERTURBATION_NOTE}.`,
      href: null,
    });
  });

  it("shows counts above the threshold perturbed from the people's keys, largest first, the total perturbed from its own key", () => {
    const large = pccSummaryNotice([...many(12, "Health check (triage)", "Health"), ...many(7, "Emergency accommodation", "Council")], 4);
    const [health, council, total] = [perturbCount(12, keySumOf(12)), perturbCount(7, keySumOf(7)), perturbCount(19, keySumOf(12) + keySumOf(7))];
    expect(large.title).toBe(`${total} stages still overdue after escalation`);
    expect(large.body).toContain(`Health check (triage), Health: ${health}; Emergency accommodation, Council: ${council}.`);
    expect(large.body).toContain(PERTURBATION_NOTE);
    expect(large.body).not.toContain("[c]");
    // Other people, other keys: the same true counts can read differently, so no figure is known to be exact.
    const published = new Set(Array.from({ length: 40 }, (_, offset) => pccSummaryNotice(many(12, "Health check (triage)", "Health", offset * 7), 4).title));
    expect(published.size).toBeGreaterThan(1);
    for (const title of published) expect(Math.abs(Number(title.split(" ")[0]) - 12)).toBeLessThanOrEqual(MAX_CHANGE);
  });

  it("hides a small count together with another so neither can be worked out", () => {
    const mixed = pccSummaryNotice([...many(12, "Health check (triage)", "Health"), ...many(2, "Emergency accommodation", "Council")], 4);
    expect(mixed.body).toContain("Emergency accommodation, Council: [c]");
    // The 12 is hidden only to protect the 2: it reads the same, never "<5", which would be untrue.
    expect(mixed.body).toContain("Health check (triage), Health: [c]");
    expect(mixed.title).toBe(`${perturbCount(14, keySumOf(12) + keySumOf(2))} stages still overdue after escalation`);
  });

  it("hides counts up to the partnership's own threshold and says so in the same terms", () => {
    const five = many(5, "Health check (triage)", "Health");
    // Keys 0 to 4 add up to 10: the ptable leaves a 5 with cell key 10 as it is.
    expect(perturbCount(5, keySumOf(5))).toBe(5);
    expect(pccSummaryNotice(five, 4)).toMatchObject({ title: "5 stages still overdue after escalation" });
    // People whose keys move a 5 down to 3 or 4: published as that, it would say "just above the
    // threshold", so it is hidden too.
    const down = Array.from({ length: 256 }, (_, offset) => offset).find((offset) => perturbCount(5, keySumOf(5, offset)) <= 4)!;
    expect(pccSummaryNotice(many(5, "Health check (triage)", "Health", down), 4).title).toBe("Stages still overdue after escalation: [c]");
    const stricter = pccSummaryNotice(five, 6);
    expect(stricter.title).toBe("Stages still overdue after escalation: [c]");
    expect(stricter.body).toContain("Health check (triage), Health: [c].");
    expect(stricter.body).toContain("counts 1 to 6 people");
    expect(`${stricter.title} ${stricter.body}`).not.toMatch(/\b5\b/);
    expect(pccSummaryNotice(many(1, "Health check (triage)", "Health"), 1).title).toBe("Stages still overdue after escalation: [c]");
    // A threshold of 1: a 2 is shown, as the ptable moves it (to 3 or 4; a 2 moved to 1 is hidden).
    const up = Array.from({ length: 256 }, (_, offset) => offset).find((offset) => perturbCount(2, keySumOf(2, offset)) > 2)!;
    const two = perturbCount(2, keySumOf(2, up));
    expect(pccSummaryNotice(many(2, "Health check (triage)", "Health", up), 1).title).toBe(`${two} stages still overdue after escalation`);
    const downToOne = Array.from({ length: 256 }, (_, offset) => offset).find((offset) => perturbCount(2, keySumOf(2, offset)) === 1)!;
    expect(pccSummaryNotice(many(2, "Health check (triage)", "Health", downToOne), 1).title).toBe("Stages still overdue after escalation: [c]");
  });

  it("has the same key for the same escalations in any order, and another key for others", () => {
    const key = pccSummaryNotice(escalations, 4).dedupeKey;
    expect(pccSummaryNotice([...escalations].reverse(), 4).dedupeKey).toBe(key);
    expect(pccSummaryNotice(escalations.slice(1), 4).dedupeKey).not.toBe(key);
    expect(key).toMatch(/^overdue-summary:[0-9a-f]{32}$/);
  });
});
