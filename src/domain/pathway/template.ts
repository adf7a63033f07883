import type { AgeGroup, AgencyKind, TargetUnit } from "../types";

/** One stage of a pathway: what the clock and the age rules need. The owner is an agency (by id) in the database. */
export type StageTemplate = {
  key: string;
  title: string;
  description: string;
  targetValue: number;
  targetUnit: TargetUnit;
  appliesTo: AgeGroup[];
  onlyIfInterpreterNeeded: boolean;
  sortOrder: number;
  /** False when the stage is switched off in its version: kept (with its key), but nobody new gets it. Absent means on. */
  enabled?: boolean;
};

/** A stage of the default pathway: owned by the partnership's agency of this kind when it is first set up. */
export type DefaultStageTemplate = StageTemplate & { ownerAgencyKind: AgencyKind };

export type PathwayTemplate = {
  version: number;
  name: string;
  /** Share of the target, in percent, after which a stage is "at risk". */
  atRiskPercent: number;
  stages: DefaultStageTemplate[];
};

const ALL: AgeGroup[] = ["ADULT", "CHILD", "AGE_DISPUTED"];
const CHILDREN: AgeGroup[] = ["CHILD", "AGE_DISPUTED"];

/**
 * The default Victim Care Pathway (see DOMAIN.md). It is only the starting data: the partnership's
 * templates live in the database, versioned, and every target there can change without a code change.
 */
export const DEFAULT_PATHWAY: PathwayTemplate = {
  version: 1,
  name: "Victim Care Pathway",
  atRiskPercent: 75,
  stages: [
    {
      key: "immediate-safety",
      title: "Immediate safety and basic needs",
      description: "Rescue logged; food, water, clothes, rest and a warm safe place; safety from the exploiters.",
      ownerAgencyKind: "POLICE",
      targetValue: 1,
      targetUnit: "HOURS",
      appliesTo: ALL,
      onlyIfInterpreterNeeded: false,
      sortOrder: 10,
    },
    {
      key: "childrens-services-notified",
      title: "Children's services notified",
      description: "A child, or a person whose age is disputed, is referred to children's services.",
      ownerAgencyKind: "COUNCIL_SAFEGUARDING",
      targetValue: 1,
      targetUnit: "HOURS",
      appliesTo: CHILDREN,
      onlyIfInterpreterNeeded: false,
      sortOrder: 20,
    },
    {
      key: "interpreter",
      title: "Independent interpreter arranged",
      description: "A professional interpreter, never someone who came with the person.",
      ownerAgencyKind: "POLICE",
      targetValue: 2,
      targetUnit: "HOURS",
      appliesTo: ALL,
      onlyIfInterpreterNeeded: true,
      sortOrder: 30,
    },
    {
      key: "health-check",
      title: "Health check (triage)",
      description: "Seen by a health professional; urgent care arranged.",
      ownerAgencyKind: "HEALTH",
      targetValue: 4,
      targetUnit: "HOURS",
      appliesTo: ALL,
      onlyIfInterpreterNeeded: false,
      sortOrder: 40,
    },
    {
      key: "accommodation",
      title: "Emergency accommodation",
      description: "A place of safety for tonight, arranged and the person taken there.",
      ownerAgencyKind: "COUNCIL_SAFEGUARDING",
      targetValue: 4,
      targetUnit: "HOURS",
      appliesTo: ALL,
      onlyIfInterpreterNeeded: false,
      sortOrder: 50,
    },
    {
      key: "child-nrm-referral",
      title: "NRM referral made (child)",
      description: "Children never need consent: referred to the National Referral Mechanism once safeguarded.",
      ownerAgencyKind: "COUNCIL_SAFEGUARDING",
      targetValue: 24,
      targetUnit: "HOURS",
      appliesTo: CHILDREN,
      onlyIfInterpreterNeeded: false,
      sortOrder: 60,
    },
    {
      key: "social-care-contact",
      title: "Social care contact",
      description: "Adult safeguarding concern raised, or a children's social worker allocated.",
      ownerAgencyKind: "COUNCIL_SAFEGUARDING",
      targetValue: 24,
      targetUnit: "HOURS",
      appliesTo: ALL,
      onlyIfInterpreterNeeded: false,
      sortOrder: 70,
    },
    {
      key: "case-conference",
      title: "Multi-agency case conference",
      description: "Partners meet to agree the plan.",
      ownerAgencyKind: "COUNCIL_SAFEGUARDING",
      targetValue: 48,
      targetUnit: "HOURS",
      appliesTo: ALL,
      onlyIfInterpreterNeeded: false,
      sortOrder: 80,
    },
    {
      key: "victim-support",
      title: "Victim support and legal advice offered",
      description: "Emotional and practical support, and early legal and immigration advice, offered.",
      ownerAgencyKind: "VCAS",
      targetValue: 72,
      targetUnit: "HOURS",
      appliesTo: ALL,
      onlyIfInterpreterNeeded: false,
      sortOrder: 90,
    },
    {
      key: "nrm-consent-decision",
      title: "NRM consent decision recorded",
      description: "Informed consent explained in the person's language after rest: NRM referral, or Duty to Notify with no identifying details.",
      ownerAgencyKind: "POLICE",
      targetValue: 3,
      targetUnit: "WORKING_DAYS",
      appliesTo: ["ADULT"],
      onlyIfInterpreterNeeded: false,
      sortOrder: 100,
    },
  ],
};

/** "4 hours", "1 hour", "3 working days", "4 working hours": a stage's target as people say it. */
export function describeTarget({ targetValue, targetUnit }: Pick<StageTemplate, "targetValue" | "targetUnit">): string {
  const one = targetValue === 1;
  switch (targetUnit) {
    case "HOURS":
      return `${targetValue} ${one ? "hour" : "hours"}`;
    case "WORKING_DAYS":
      return `${targetValue} working ${one ? "day" : "days"}`;
    case "WORKING_HOURS":
      return `${targetValue} working ${one ? "hour" : "hours"}`;
  }
}
