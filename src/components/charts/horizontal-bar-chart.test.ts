import { describe, expect, it } from "vitest";
import { SUPPRESSED_MARK } from "@/domain/statistics/published";
import { HorizontalBarChart, type HorizontalBarChartProps } from "./horizontal-bar-chart";
import { count, render, section } from "./render-test-support";

const stages: HorizontalBarChartProps = {
  title: "Stages done within target",
  description: "People rescued in October 2026",
  unit: "%",
  tableId: "timeliness-table",
  target: { value: 80, label: "Partnership aim: 80% within target" },
  rows: [
    { label: "Emergency accommodation", value: 72, display: "72%" },
    { label: "Health check", value: 3, display: SUPPRESSED_MARK, suppressed: true },
    { label: "Social care assessment", value: null, display: "–" },
    { label: "NRM referral", value: 100, display: "100%" },
  ],
};

describe("HorizontalBarChart", () => {
  it("draws each shown bar in proportion to its value over the maximum", () => {
    const html = render(HorizontalBarChart, stages);
    expect(section(html, "row", "Emergency accommodation")).toContain('data-bar="" x="0" y="2" width="72%"');
    expect(section(html, "row", "NRM referral")).toContain('width="100%"');

    const counts = render(HorizontalBarChart, {
      title: "People per agency",
      max: 60,
      rows: [
        { label: "Police", value: 30, display: "30" },
        { label: "Council", value: 15, display: "15" },
      ],
    });
    expect(section(counts, "row", "Police")).toContain('width="50%"');
    expect(section(counts, "row", "Council")).toContain('width="25%"');
  });

  it("gives a suppressed figure no bar, only a fixed hatched stub and its display text, even when a value is passed", () => {
    const row = section(render(HorizontalBarChart, stages), "row", "Health check");
    expect(row).not.toContain("data-bar");
    expect(row).toContain("data-suppressed");
    expect(row).toContain(">[c]<");
    // Nothing drawn depends on the hidden value: the whole chart is the same whatever was passed with it.
    const withHidden = (value: number | null) =>
      render(HorizontalBarChart, { ...stages, rows: stages.rows.map((one) => (one.suppressed ? { ...one, value } : one)) });
    expect(withHidden(1)).toBe(withHidden(4));
    expect(withHidden(1)).toBe(withHidden(null));
  });

  it("does not let a suppressed figure stretch the scale", () => {
    const html = render(HorizontalBarChart, {
      title: "People per agency",
      rows: [
        { label: "Police", value: 10, display: "10" },
        { label: "Council", value: 400, display: SUPPRESSED_MARK, suppressed: true },
      ],
    });
    expect(section(html, "row", "Police")).toContain('data-bar="" x="0" y="2" width="100%"');
    expect(html).not.toContain(">400<");
    expect(html).toContain(">10</text>");
  });

  it("leaves an absent figure without any mark and shows a dash", () => {
    const html = render(HorizontalBarChart, stages);
    const row = section(html, "row", "Social care assessment");
    expect(row).not.toContain("data-bar");
    expect(row).not.toContain("data-suppressed");
    expect(row).toContain('data-display="">–</div>');

    const blank = render(HorizontalBarChart, { title: "x", rows: [{ label: "Blank", value: null, display: "" }] });
    expect(section(blank, "row", "Blank")).toContain('data-display="">—</div>');
  });

  it("draws the target line at its place on the scale and names it in the key", () => {
    const html = render(HorizontalBarChart, stages);
    expect(count(html, 'data-target="" x1="80%"')).toBe(stages.rows.length);
    expect(html).toContain("Partnership aim: 80% within target");
  });

  it("is a captioned figure whose drawing is hidden from screen readers and which links to its table", () => {
    const html = render(HorizontalBarChart, stages);
    expect(html).toMatch(/^<figure[^>]*><figcaption[^>]*><span[^>]*>Stages done within target<\/span><span[^>]*>People rescued in October 2026<\/span>/);
    expect(html).toContain('<a href="#timeliness-table"');
    expect(html).toContain("The same figures are in the table below");
    expect(html).toMatch(/<div aria-hidden="true" class="grid/);
    expect(html).not.toContain("use client");
    expect(render(HorizontalBarChart, { ...stages, tableId: undefined })).not.toContain("<a ");
  });
});
