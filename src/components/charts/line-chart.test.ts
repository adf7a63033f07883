import { describe, expect, it } from "vitest";
import { LineChart, type LineChartProps } from "./line-chart";
import { count, render, section } from "./render-test-support";

const months = ["Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026", "Jan 2027"];

const referrals: LineChartProps = {
  title: "Referrals per month",
  tableId: "referrals-table",
  xLabels: months,
  series: [
    { name: "NRM referral", values: [12, 8, null, 10, 3, 14, 16], suppressed: [false, false, false, false, true, false, false] },
    { name: "Duty to Notify", values: [6, 7, 9, 11, 12, 10, 8] },
  ],
};

function pointsOf(html: string, series: string): number[] {
  return [...section(html, "series", series).matchAll(/data-point="(\d+)"/g)].map((match) => Number(match[1]));
}

describe("LineChart", () => {
  it("plots no point for a suppressed figure and breaks the line there, marking it on the hidden row instead", () => {
    const html = render(LineChart, referrals);
    const nrm = section(html, "series", "NRM referral");
    expect(pointsOf(html, "NRM referral")).toEqual([0, 1, 3, 5, 6]);
    expect(nrm).toContain('data-suppressed-point="4"');
    expect(nrm).toMatch(/data-suppressed-point="4"><circle[^>]*class="fill-white stroke-link"/);
    expect(html).toContain("data-suppressed-strip");
    // Oct and Dec are not joined across the hidden November.
    expect(count(nrm, "data-segment")).toBe(3);
    expect(html).toContain("figure hidden to protect small numbers, not plotted");
  });

  it("draws the same picture whatever value is passed with a suppressed figure, and never scales to it", () => {
    const withHidden = (value: number | null) =>
      render(LineChart, { ...referrals, series: [{ ...referrals.series[0]!, values: [12, 8, null, 10, value, 14, 16] }, referrals.series[1]!] });
    expect(withHidden(4)).toBe(withHidden(1));
    expect(withHidden(900)).toBe(withHidden(null));
    expect(withHidden(900)).not.toMatch(/>(900|1000)</);
  });

  it("leaves a gap for a missing figure: no point, no hidden marker, and the line does not bridge it", () => {
    const html = render(LineChart, referrals);
    const nrm = section(html, "series", "NRM referral");
    expect(pointsOf(html, "NRM referral")).not.toContain(2);
    expect(nrm).not.toContain('data-suppressed-point="2"');
    const paths = [...nrm.matchAll(/data-segment="" d="([^"]+)"/g)].map((match) => match[1]!);
    expect(paths[0]!.match(/[ML]/g)).toHaveLength(2);
    expect(paths[1]!.match(/[ML]/g)).toHaveLength(1);
  });

  it("places points in proportion to the value on a shared scale", () => {
    const html = render(LineChart, { title: "Share", xLabels: ["Jan 2026", "Feb 2026"], yUnit: "%", series: [{ name: "Within target", values: [0, 50] }] });
    const ys = [...html.matchAll(/data-point="\d+"><circle cx="[\d.]+" cy="([\d.]+)"/g)].map((match) => Number(match[1]));
    // The plot is 150 units high with its axis at 160: 0% sits on the axis, 50% halfway up.
    expect(ys).toEqual([160, 85]);
    expect(html).toContain(">100%</text>");
  });

  it("tells series apart without colour: each has its own dash pattern and marker shape, named in the key", () => {
    const html = render(LineChart, referrals);
    const first = section(html, "series", "NRM referral");
    const second = section(html, "series", "Duty to Notify");
    const dash = (markup: string) => /stroke-dasharray="([^"]+)"/.exec(markup)![1];
    const marker = (markup: string) => /data-point="\d+"><(\w+)/.exec(markup)![1];
    expect(dash(first)).not.toBe(dash(second));
    expect(marker(first)).not.toBe(marker(second));
    expect(html).toMatch(/<li[^>]*><span aria-hidden="true"[^>]*><svg.*?<\/svg><\/span><span>NRM referral<\/span><\/li>/);
  });

  it("draws one small chart per series, on the same scale, when there are more than three", () => {
    const many = ["Police", "Council", "Health", "Salvation Army"].map((name, index) => ({ name, values: [index + 5, 20, 40] }));
    const html = render(LineChart, { title: "Stages done per agency", xLabels: ["Jan 2026", "Feb 2026", "Mar 2026"], series: many });
    expect(html).toContain('data-chart="line-multiples"');
    expect(count(html, "<svg viewBox")).toBe(4);
    expect(count(html, ">40</text>")).toBe(4);
    expect(render(LineChart, { ...referrals, layout: "small-multiples" })).toContain('data-chart="line-multiples"');
  });

  it("labels months without overlap at phone width, with the year where it changes", () => {
    const year = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((month) => `${month} 2026`);
    const html = render(LineChart, { title: "A year", xLabels: [...year, "Jan 2027"], series: [{ name: "People", values: year.map(() => 10) }] });
    const labels = [...html.matchAll(/data-x-label="">(\w+)/g)].map((match) => match[1]);
    expect(labels).toEqual(["Jan", "Mar", "May", "Jul", "Sep", "Nov", "Jan"]);
    expect(count(html, ">2026</tspan>")).toBe(1);
    expect(count(html, ">2027</tspan>")).toBe(1);
  });

  it("is a captioned figure with its drawing hidden from screen readers, linking to its table", () => {
    const html = render(LineChart, referrals);
    expect(html).toMatch(/^<figure[^>]*><figcaption[^>]*><span[^>]*>Referrals per month<\/span>/);
    expect(html).toContain('<a href="#referrals-table"');
    expect(html).toMatch(/<div aria-hidden="true" class="mt-2"><svg viewBox/);
  });
});
