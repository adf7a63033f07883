"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios, Select, TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";
import { APPLIES_TO_CHOICES, APPLIES_TO_LABELS, STAGE_TITLE_MAX, TARGET_MAXIMUM, TARGET_UNIT_LABELS } from "@/domain/pathway/pathway-choices";
import { TARGET_UNITS } from "@/domain/types";
import { initialFormState } from "@/lib/form-state";
import type { PathwayStageAdminView } from "@/server/pathway/get-pathway-admin";
import { publishPathwayAction } from "../actions";

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  ownerAgencyId: "owner agency",
  targetValue: "target",
  targetUnit: "what the target counts",
  appliesTo: "who it applies to",
  enabled: "on or off",
};

const UNIT_HINTS: Record<string, string | undefined> = {
  WORKING_DAYS: "Monday to Friday, not bank holidays in England and Wales.",
  WORKING_HOURS: "Only the hours the owning agency is open. For an agency open round the clock, every hour counts.",
};

export function PathwayEditForm({
  baseVersion,
  stages,
  owners,
}: {
  baseVersion: number;
  stages: PathwayStageAdminView[];
  owners: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(publishPathwayAction, initialFormState);
  const typed = (state.values?.stages as Record<string, unknown>[] | undefined) ?? [];
  const value = (i: number, field: string, fallback: string) => {
    const sent = typed[i]?.[field];
    return typeof sent === "string" ? sent : fallback;
  };
  const error = (i: number, field: string) => state.fieldErrors[`stages.${i}.${field}`];
  const fieldLabels = Object.fromEntries(
    stages.flatMap((stage, i) => Object.entries(FIELD_NAMES).map(([field, name]) => [`stages.${i}.${field}`, `${stage.title}: ${name}`])),
  );
  const unitMaximums = TARGET_UNITS.map((unit) => `${TARGET_MAXIMUM[unit]} ${TARGET_UNIT_LABELS[unit].toLowerCase().replace(" of the owning agency", "")}`).join(", ");

  return (
    <form action={formAction} noValidate>
      <ErrorSummary formError={state.formError} fieldErrors={state.fieldErrors} fieldLabels={fieldLabels} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      {stages.map((stage, i) => (
        <fieldset key={stage.key} className="mb-10 border-t-4 border-ink pt-4" data-testid={`edit-stage-${stage.key}`}>
          <legend className="mb-4">
            <h2 className="text-2xl font-bold">{stage.title}</h2>
          </legend>
          <input type="hidden" name={`stages.${i}.key`} value={stage.key} />
          <TextField
            name={`stages.${i}.title`}
            label="Title"
            hint={`Up to ${STAGE_TITLE_MAX} characters.`}
            defaultValue={value(i, "title", stage.title)}
            error={error(i, "title")}
          />
          <Select
            name={`stages.${i}.ownerAgencyId`}
            label="Owner agency"
            hint="Only this agency can change the stage. Active agencies only."
            options={owners}
            defaultValue={value(i, "ownerAgencyId", stage.ownerAgencyId)}
            error={error(i, "ownerAgencyId")}
          />
          <TextField
            name={`stages.${i}.targetValue`}
            label="Target"
            hint={`A whole number, counted from the time of rescue. At most ${unitMaximums}.`}
            defaultValue={value(i, "targetValue", String(stage.targetValue))}
            error={error(i, "targetValue")}
            width="w-24"
          />
          <Radios
            name={`stages.${i}.targetUnit`}
            legend="The target counts"
            options={TARGET_UNITS.map((unit) => ({ value: unit, label: TARGET_UNIT_LABELS[unit], hint: UNIT_HINTS[unit] }))}
            defaultValue={value(i, "targetUnit", stage.targetUnit)}
            error={error(i, "targetUnit")}
          />
          <Radios
            name={`stages.${i}.appliesTo`}
            legend="Applies to"
            options={APPLIES_TO_CHOICES.map((choice) => ({ value: choice, label: APPLIES_TO_LABELS[choice] }))}
            defaultValue={value(i, "appliesTo", stage.appliesTo)}
            error={error(i, "appliesTo")}
            inline
          />
          <Radios
            name={`stages.${i}.enabled`}
            legend="On or off"
            hint="Off: nobody rescued from now on gets this stage. People who have it keep it."
            options={[
              { value: "on", label: "On" },
              { value: "off", label: "Off" },
            ]}
            defaultValue={value(i, "enabled", stage.enabled ? "on" : "off")}
            error={error(i, "enabled")}
            inline
          />
        </fieldset>
      ))}
      <SubmitButton>Publish version {baseVersion + 1}</SubmitButton>
    </form>
  );
}
