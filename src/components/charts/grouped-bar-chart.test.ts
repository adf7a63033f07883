import { describe, expect, it } from "vitest";
import { SUPPRESSED_MARK } from "@/domain/statistics/published";
import { GroupedBarChart, type GroupedBarChartProps } from "./grouped-bar-chart";
import { render, section } from "./render-test-support";

const referrals: GroupedBarChartProps = {
  title: "NRM referrals and Duty to Notify per month",
  tableId: "referrals-table",
  categories: [{ name: "NRM referral" }, { name: "Duty to Notify" }],
  rows: [
    { label: "Sep 2026", values: [{ value: 20, display: "20" }, { value: 10, display: "10" }] },
    { label: "Oct 2026", values: [{ value: 3, display: SUPPRESSED_MARK, suppressed: true }, { value: 15, display: "15" }] },
    { label: "Nov 2026", values: [{ value: null, display: "–" }, { value: 5, display: "5" }] },
  ],
};

function bar(html: string, row: string, category: string): string {
  return section(section(html, "row", row), "category", category);
}

describe("GroupedBarChart", () => {
  it("draws each category's bar in proportion on one scale", () => {
    const html = render(GroupedBarChart, referrals);
    expect(bar(html, "Sep 2026", "NRM referral")).toContain('data-bar="" x="0" y="2" width="100%"');
    expect(bar(html, "Sep 2026", "Duty to Notify")).toContain('width="50%"');
    expect(bar(html, "Nov 2026", "Duty to Notify")).toContain('width="25%"');
  });

  it("shows a suppressed figure as a hatched stub with its text and no bar, leaving the other category drawn", () => {
    const html = render(GroupedBarChart, referrals);
    const hidden = bar(html, "Oct 2026", "NRM referral");
    expect(hidden).not.toContain("data-bar");
    expect(hidden).toContain("data-suppressed");
    expect(hidden).toContain(">[c]<");
    expect(bar(html, "Oct 2026", "Duty to Notify")).toContain('width="75%"');
    const withHidden = (value: number | null) =>
      render(GroupedBarChart, { ...referrals, rows: referrals.rows.map((row) => ({ ...row, values: row.values.map((cell) => (cell.suppressed ? { ...cell, value } : cell)) })) });
    expect(withHidden(500)).toBe(withHidden(null));
  });

  it("leaves an absent figure unmarked with its dash", () => {
    const absent = bar(render(GroupedBarChart, referrals), "Nov 2026", "NRM referral");
    expect(absent).not.toContain("data-bar");
    expect(absent).not.toContain("data-suppressed");
    expect(absent).toContain(">–</div>");
  });

  it("tells categories apart by more than colour and names them in the key", () => {
    const html = render(GroupedBarChart, referrals);
    const style = (markup: string) => /data-bar="[^>]*class="([^"]+)"/.exec(markup)![1];
    expect(style(bar(html, "Sep 2026", "NRM referral"))).toBe("fill-link");
    expect(style(bar(html, "Sep 2026", "Duty to Notify"))).toBe("fill-ink");
    expect(html).toContain("<span>NRM referral</span>");
    expect(html).toContain("<span>Duty to Notify</span>");
  });

  it("links its caption to the table", () => {
    const html = render(GroupedBarChart, referrals);
    expect(html).toContain('<a href="#referrals-table"');
    expect(html).toMatch(/<div aria-hidden="true" class="mt-2 grid/);
  });
});
