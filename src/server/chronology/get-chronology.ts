import "server-only";
import { nationalityName } from "@/domain/nationality/countries";
import { buildChronology, type ChronologyDocument } from "@/domain/chronology/build-chronology";
import { CASE_CLOSE_REASON_LABELS } from "@/domain/cases/case-closing";
import { NRM_DECISION_LABELS } from "@/domain/pathway/nrm-decision";
import { formatLondonDateTime } from "@/domain/time/london";
import { AGE_GROUP_LABELS, EXPLOITATION_TYPE_LABELS, GENDER_LABELS } from "@/domain/types";
import type { Actor } from "../access/actor";
import { requirePermission } from "../access/require-permission";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/create-client";
import { getPersonPathway } from "../people/get-person-pathway";

export type ChronologyFormat = "view" | "pdf";

/**
 * A person's chronology for a case review, as this user may see it. It is built from exactly what the
 * person's page reads for them (`getPersonPathway`: the visibility rule, the minimal record for health,
 * `readableTimeline` for notes by sensitivity, the accommodation address only for the provider and
 * police), so a new kind of timeline entry appears here in its words, and nothing the reader may not
 * see can. Each production, on screen or as a PDF, is audited.
 */
export async function getChronology(db: Db, actor: Actor, personId: string, format: ChronologyFormat, now = new Date()): Promise<ChronologyDocument> {
  const action = format === "pdf" ? "chronology.pdf" : "chronology.view";
  await requirePermission(db, actor, "chronology.produce", { entity: "Person", entityId: personId });
  // Not found (and audited as a denied view) for a person outside the reader's view.
  const person = await getPersonPathway(db, actor, personId, { withAccommodation: true });
  await recordAudit(db, actor, { action, entity: "Person", entityId: person.id });

  return buildChronology({
    caseReference: person.caseReference,
    displayName: person.displayName,
    summary: [
      { key: "Age group", value: AGE_GROUP_LABELS[person.ageGroup] },
      { key: "Gender", value: GENDER_LABELS[person.gender] },
      ...(person.minimalRecord ? [] : [{ key: "Nationality", value: person.nationalityCode ? nationalityName(person.nationalityCode) : "Not recorded" }]),
      { key: "Languages", value: person.languages.join(", ") || "Not known" },
      { key: "Interpreter", value: person.interpreterNeeded ? "Needed (independent only)" : "Not needed" },
      ...(person.minimalRecord ? [] : [{ key: "Exploitation", value: person.exploitationType ? EXPLOITATION_TYPE_LABELS[person.exploitationType] : "Not recorded" }]),
      { key: "Pathway", value: `Version ${person.pathwayVersion}` },
      {
        key: "Case",
        value: person.closedAt
          ? `Closed ${formatLondonDateTime(person.closedAt)}${person.closeReason ? `: ${CASE_CLOSE_REASON_LABELS[person.closeReason]}` : ""}`
          : "Open",
      },
    ],
    rescue: person.rescue,
    atRiskPercent: person.atRiskPercent,
    stages: person.stages.map((stage) => ({
      title: stage.title,
      ownerAgencyName: stage.ownerAgencyName,
      target: stage.target,
      clock: stage.clock,
      closingReason: stage.closingReason,
      decision: stage.nrmDecision ? `Decision: ${NRM_DECISION_LABELS[stage.nrmDecision]}` : null,
    })),
    timeline: person.timeline,
    accommodation: person.accommodation
      ? { providerAgencyName: person.accommodation.providerAgencyName, address: person.accommodation.address ?? null, recordedAt: person.accommodation.recordedAt }
      : null,
    producedBy: { name: actor.name, agencyName: actor.agencyName },
    producedAt: now,
  });
}
