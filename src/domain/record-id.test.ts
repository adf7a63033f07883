import { describe, expect, it } from "vitest";
import { isRecordId } from "./record-id";

describe("isRecordId", () => {
  it("takes a uuid, in either case", () => {
    expect(isRecordId("5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d10")).toBe(true);
    expect(isRecordId("5F0C8A52-3C8E-4F8E-9A57-3A4F2B6C9D10")).toBe(true);
  });

  it.each(["not-a-uuid", "'", "' OR 1=1 --", "", "5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d1", "5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d10 ", "5f0c8a523c8e4f8e9a573a4f2b6c9d10", "{5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d10}", "5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d10\u0000"])(
    "refuses %j",
    (value) => {
      expect(isRecordId(value)).toBe(false);
    },
  );

  it("refuses what is not a string", () => {
    expect(isRecordId(undefined)).toBe(false);
    expect(isRecordId(["5f0c8a52-3c8e-4f8e-9a57-3a4f2b6c9d10"])).toBe(false);
  });
});
