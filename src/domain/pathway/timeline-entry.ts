/** Who may read a note (values match the database enum NoteSensitivity). */
export type NoteSensitivity = "GENERAL" | "HEALTH" | "POLICE";

/** One entry of a person's timeline as the pathway page shows it (newest first, with who and when). */
export type TimelineEntryView = {
  id: string;
  kind: string;
  stageTitle: string | null;
  text: string | null;
  sensitivity: NoteSensitivity;
  actorName: string;
  actorAgencyName: string;
  occurredAt: Date;
};
