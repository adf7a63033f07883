import { describe, expect, it } from "vitest";
import { listHref, listTitle, parseListQuery, showingText } from "./list-query";

describe("parseListQuery", () => {
  it("reads the default view from an empty address", () => {
    expect(parseListQuery({}, "people")).toEqual({ status: "live", overdue: false, age: null, agency: null, sort: "rescued", q: "", page: 1 });
  });

  it("reads every filter, and keeps the words typed for the search use case to parse", () => {
    expect(parseListQuery({ status: "live", overdue: "yes", age: "CHILD", agency: "shared", sort: "name", q: " Ardi ", page: "3" }, "people")).toEqual({
      status: "live",
      overdue: true,
      age: "CHILD",
      agency: "shared",
      sort: "name",
      q: " Ardi ",
      page: 3,
    });
  });

  it("turns unknown, repeated or crafted values into the default, never an error", () => {
    const hostile = parseListQuery({ status: ["live", "closed"], overdue: "true", age: "child", agency: "__proto__", sort: "constructor", q: ["a", "b"], page: "1e3" }, "people");
    expect(hostile).toEqual(parseListQuery({}, "people"));
  });

  it("gives the coordinator no sort by name, and an agency only as an id", () => {
    expect(parseListQuery({ sort: "name" }, "cases").sort).toBe("rescued");
    expect(parseListQuery({ agency: "logged" }, "cases").agency).toBeNull();
    expect(parseListQuery({ agency: "0A1B2C3D-0000-4000-8000-00000000000F" }, "cases").agency).toBe("0a1b2c3d-0000-4000-8000-00000000000f");
    expect(parseListQuery({ agency: "0a1b2c3d-0000-4000-8000-00000000000f" }, "people").agency).toBeNull();
  });

  it("drops overdue and the next-due sort for closed cases, which have nothing open", () => {
    expect(parseListQuery({ status: "closed", overdue: "yes", sort: "due" }, "cases")).toMatchObject({ overdue: false, sort: "rescued" });
  });
});

describe("listHref and listTitle", () => {
  const query = parseListQuery({ status: "live", overdue: "yes", age: "AGE_DISPUTED", sort: "due", q: "VCP-AB12", page: "2" }, "people");

  it("puts only what differs from the default in the address", () => {
    expect(listHref("/people", parseListQuery({}, "people"))).toBe("/people");
    expect(listHref("/people", query, { page: 3 })).toBe("/people?q=VCP-AB12&overdue=yes&age=AGE_DISPUTED&sort=due&page=3");
    expect(listHref("/people", query, { page: 1 })).not.toContain("page=");
  });

  it("titles each view by its filters and page, never by the words searched", () => {
    expect(listTitle("People", parseListQuery({}, "people"))).toBe("People: live");
    expect(listTitle("People", query)).toBe("People: live, overdue, age disputed (treated as a child), search results — page 2");
    expect(listTitle("People", query)).not.toContain("VCP-AB12");
    expect(listTitle("Cases", parseListQuery({ status: "closed" }, "cases"), { agencyName: "Council", page: 1 })).toBe("Cases: closed, Council");
  });

  it("counts what is shown", () => {
    expect(showingText(1, 50, 1630, { one: "person", many: "people" })).toBe("Showing 1–50 of 1,630 people");
    expect(showingText(33, 30, 1630, { one: "person", many: "people" })).toBe("Showing 1,601–1,630 of 1,630 people");
    expect(showingText(1, 1, 1, { one: "case", many: "cases" })).toBe("Showing 1–1 of 1 case");
    expect(showingText(1, 0, 0, { one: "case", many: "cases" })).toBe("No cases");
  });
});
