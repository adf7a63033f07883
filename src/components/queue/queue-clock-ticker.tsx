"use client";

import { useEffect } from "react";
import { CLOCK_TAGS, describeClock, readClock, type ClockInput } from "@/domain/pathway/clock";
import type { StageState } from "@/domain/types";
import { formatLondonDateTime } from "@/domain/time/london";
import { clockTagClassName } from "@/components/pathway/clock-tag";

const TICK_MS = 30_000;

/**
 * Changes a text node's value in place: React keeps a handle on that node, so its next render of the
 * row (a refresh from the server) still lands on it.
 */
function setText(element: Element | null, text: string) {
  if (!element) return;
  const node = element.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE) {
    if (node.nodeValue !== text) node.nodeValue = text;
  } else if (element.textContent !== text) {
    element.textContent = text;
  }
}

function tick() {
  const now = new Date();
  for (const element of document.querySelectorAll<HTMLElement>("[data-queue-clock]")) {
    const data = element.dataset;
    const input: ClockInput = {
      state: data.state as StageState,
      t0: new Date(Number(data.t0)),
      dueAt: new Date(Number(data.due)),
      completedAt: null,
      pausedAt: data.pausedAt ? new Date(Number(data.pausedAt)) : null,
      pausedMs: Number(data.pausedMs),
    };
    const clock = readClock(input, now, Number(data.atRisk));
    element.dataset.clock = clock.kind;
    const tag = element.querySelector("[data-clock-tag]");
    setText(tag, CLOCK_TAGS[clock.kind]);
    if (tag && tag.className !== clockTagClassName(clock.kind)) tag.className = clockTagClassName(clock.kind);
    setText(element.querySelector("[data-clock-words]"), describeClock(clock));
    const due = element.closest("tr")?.querySelector("[data-clock-due]") ?? null;
    if ("dueAt" in clock) setText(due, formatLondonDateTime(clock.dueAt));
  }
}

/**
 * One timer for every clock on the queue page (a page of 50 rows has 50 clocks): every 30 seconds it
 * reads each row's clock again in the browser and rewrites its tag, words and due time. It draws nothing.
 */
export function QueueClockTicker() {
  useEffect(() => {
    // Catch up at once if the page was served a while ago (from the back/forward cache, say).
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return null;
}
