import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** Server-renders a chart the way a page would, for tests (the unit project runs .ts files only). */
export function render<P extends object>(component: FunctionComponent<P>, props: P): string {
  return renderToStaticMarkup(createElement(component, props));
}

/** The markup from one `data-<attribute>="<value>"` element up to the next element carrying that attribute. */
export function section(html: string, attribute: string, value: string): string {
  const marker = `data-${attribute}="${value}"`;
  const start = html.indexOf(marker);
  if (start < 0) throw new Error(`No element with ${marker}`);
  const next = html.indexOf(`data-${attribute}="`, start + marker.length);
  return html.slice(start, next < 0 ? undefined : next);
}

export function count(html: string, needle: string): number {
  return html.split(needle).length - 1;
}
