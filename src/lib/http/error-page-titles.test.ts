import { describe, expect, it } from "vitest";
import { BUSY_PAGE } from "./admission-gate";
import { OVERSIZED_BODY_PAGE } from "../request-body-limit";

// The plain pages the server sends without Next (busy, too large): their titles, which a screen
// reader says first and a browser tab shows, start "Error:" and say what the heading says.
describe.each([
  ["503 service busy", BUSY_PAGE],
  ["413 too much to send", OVERSIZED_BODY_PAGE],
])("the %s page", (_name, page) => {
  it('has a title that starts "Error:" followed by its heading', () => {
    const title = /<title>(.*?)<\/title>/.exec(page)?.[1];
    const heading = /<h1>(.*?)<\/h1>/.exec(page)?.[1];
    expect(heading).toBeTruthy();
    expect(title).toBe(`Error: ${heading} – Victim Care Pathway`);
  });
});
