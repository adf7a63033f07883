"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormUseCase } from "@/app/_lib/run-form-use-case";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db/client";
import { decidePossibleMatch } from "@/server/possible-matches/decide-possible-match";
import { undoPossibleMatchDecision } from "@/server/possible-matches/undo-possible-match-decision";

export async function decidePossibleMatchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => decidePossibleMatch(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/possible-matches");
  redirect(`/possible-matches?decided=${result.data.decision === "SAME_PERSON" ? "same" : "not-same"}`);
}

export async function undoPossibleMatchDecisionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await runFormUseCase(formData, (actor, input) => undoPossibleMatchDecision(db, actor, input));
  if (!result.ok) return result.state;
  revalidatePath("/possible-matches");
  // Back on the pair's own page, which is "to check" again, with the decision form.
  redirect(`/possible-matches/${result.data.matchId}?undone=${result.data.undone === "SAME_PERSON" ? "same" : "not-same"}`);
}
