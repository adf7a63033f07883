import { describe, expect, it } from "vitest";
import { agencyDisplayName, agencyNameSchema, orderMoveTargets, workingHoursSchema } from "./agency-details";
import { describeWorkingHours, minutesFromTime, timeFromMinutes } from "./working-hours";

const errorsOf = (input: unknown) => {
  const result = workingHoursSchema.safeParse(input);
  if (result.success) return null;
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("an agency's name", () => {
  it("is trimmed, with inner runs of spaces made one", () => {
    expect(agencyNameSchema.parse("  Teesmoor   Women's  Refuge ")).toBe("Teesmoor Women's Refuge");
  });

  it.each([
    ["", "Enter the agency's name"],
    ["    ", "Enter the agency's name"],
    ["x".repeat(101), "Enter a name of 100 characters or fewer"],
    ["Refuge\u0000", "Remove the hidden characters (such as a null character) from this answer"],
    ["Two\nlines", "Remove the hidden characters (such as a null character) from this answer"],
  ])("refuses %j: %s", (value, message) => {
    const result = agencyNameSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("takes 100 characters", () => {
    expect(agencyNameSchema.parse("x".repeat(100))).toHaveLength(100);
  });

  it("reads '(retired)' once the agency is retired", () => {
    expect(agencyDisplayName({ name: "Fictional Aid", retiredAt: null })).toBe("Fictional Aid");
    expect(agencyDisplayName({ name: "Fictional Aid", retiredAt: new Date("2026-12-01T10:00:00Z") })).toBe("Fictional Aid (retired)");
  });
});

describe("times of day", () => {
  it.each([
    ["00:00", 0],
    ["09:00", 540],
    ["17:30", 1050],
    ["23:59", 1439],
    [" 08:15 ", 495],
  ])("reads %j as %i minutes after midnight", (text, minutes) => {
    expect(minutesFromTime(text)).toBe(minutes);
  });

  it.each(["9:00", "24:00", "12:60", "0900", "9am", "09:00:00", "", "-1:00", "１２:００"])("refuses %j", (text) => {
    expect(minutesFromTime(text)).toBeNull();
  });

  it("writes minutes back as HH:MM", () => {
    expect(timeFromMinutes(540)).toBe("09:00");
    expect(timeFromMinutes(1439)).toBe("23:59");
    expect(timeFromMinutes(5)).toBe("00:05");
  });
});

describe("working hours", () => {
  it("are round the clock, whatever times came with the form", () => {
    expect(workingHoursSchema.parse({ hours: "always", opensAt: "nonsense", closesAt: "" })).toEqual({ officeHoursOnly: false });
  });

  it("are office hours from the opening to the closing time", () => {
    expect(workingHoursSchema.parse({ hours: "office", opensAt: "08:30", closesAt: "16:45" })).toEqual({
      officeHoursOnly: true,
      opensAtMinute: 510,
      closesAtMinute: 1005,
    });
  });

  it("need a choice", () => {
    expect(errorsOf({ opensAt: "09:00", closesAt: "17:00" })).toEqual({ hours: "Select when the agency works" });
    expect(errorsOf({ hours: "weekends" })).toEqual({ hours: "Select when the agency works" });
  });

  it("say which time is missing or unreadable, next to each field", () => {
    expect(errorsOf({ hours: "office", opensAt: "", closesAt: "" })).toEqual({
      opensAt: "Enter the opening time, like 09:00",
      closesAt: "Enter the closing time, like 17:00",
    });
    expect(errorsOf({ hours: "office", opensAt: "9am", closesAt: "25:00" })).toEqual({
      opensAt: "Enter the opening time as hours and minutes, like 09:00",
      closesAt: "Enter the closing time as hours and minutes, like 17:00",
    });
  });

  it("refuse a closing time before or at the opening time, next to the closing time", () => {
    expect(errorsOf({ hours: "office", opensAt: "17:00", closesAt: "09:00" })).toEqual({ closesAt: "The closing time must be after the opening time" });
    expect(errorsOf({ hours: "office", opensAt: "09:00", closesAt: "09:00" })).toEqual({ closesAt: "The closing time must be after the opening time" });
  });

  it("read in plain words", () => {
    expect(describeWorkingHours({ officeHoursOnly: false, opensAtMinute: 540, closesAtMinute: 1020 })).toBe("24 hours, every day");
    expect(describeWorkingHours({ officeHoursOnly: true, opensAtMinute: 510, closesAtMinute: 1005 })).toBe("08:30 to 16:45, working days (London time)");
  });
});

describe("where a retiring agency's open stages may go", () => {
  it("offers the other agencies, its own kind first, then by name", () => {
    const retiring = { id: "a", name: "Fictional Aid", kind: "CHARITY" as const };
    const candidates = [
      { id: "c", name: "Council (fictional)", kind: "COUNCIL_SAFEGUARDING" as const },
      retiring,
      { id: "z", name: "Zephyr Refuge (fictional)", kind: "CHARITY" as const },
      { id: "b", name: "Beacon Refuge (fictional)", kind: "CHARITY" as const },
      { id: "h", name: "Health (fictional)", kind: "HEALTH" as const },
    ];
    expect(orderMoveTargets(candidates, retiring).map((agency) => agency.id)).toEqual(["b", "z", "c", "h"]);
  });
});
