"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { fieldId } from "./error-summary";

export type CountryOption = { code: string; name: string; demonym: string | null };

/** How many suggestions show at once: enough to choose from, few enough to read. */
const MAX_SUGGESTIONS = 8;

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** Options whose name or demonym holds the typed text, those that start with it first. */
export function suggestCountries(options: readonly CountryOption[], typed: string): CountryOption[] {
  const query = normalise(typed);
  if (!query) return [];
  const scored: { option: CountryOption; rank: number }[] = [];
  for (const option of options) {
    const name = normalise(option.name);
    const demonym = option.demonym ? normalise(option.demonym) : "";
    const rank = name.startsWith(query) || demonym.startsWith(query) ? 0 : name.includes(query) || demonym.includes(query) ? 1 : -1;
    if (rank >= 0) scored.push({ option, rank });
  }
  return scored
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.option);
}

/**
 * A text field with suggestions from a list (the ARIA 1.2 combobox pattern): type part of a name or
 * demonym, arrows move through the suggestions, Enter chooses, Escape closes. What is posted is the
 * text in the field; the server matches it to the list and refuses anything else, so the field
 * works without JavaScript too. Every row of a form can share one `options` array: only the few
 * suggestions showing are ever drawn.
 */
export function CountryCombobox({
  name,
  label,
  hint,
  error,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  options: readonly CountryOption[];
}) {
  const id = fieldId(name);
  const listId = `${useId()}-countries`;
  const [value, setValue] = useState(defaultValue ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => suggestCountries(options, value), [options, value]);
  const showing = open && suggestions.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  function choose(option: CountryOption) {
    setValue(option.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((current) => (suggestions.length === 0 ? -1 : (current + 1) % suggestions.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActive((current) => (suggestions.length === 0 ? -1 : current <= 0 ? suggestions.length - 1 : current - 1));
    } else if (event.key === "Enter" && showing && active >= 0) {
      // Enter chooses the suggestion; it must not also submit the form.
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === "Escape" && showing) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className={`mb-6 ${error ? "border-l-4 border-danger pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mb-2 font-bold text-danger">
          <span className="sr-only">Error:</span> {error}
        </p>
      )}
      <div className="relative max-w-xl">
        <input
          id={id}
          name={name}
          type="text"
          role="combobox"
          aria-expanded={showing}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showing && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          className="block min-h-10 w-full border-2 border-ink bg-white px-2 py-1.5 text-lg aria-[invalid=true]:border-4 aria-[invalid=true]:border-danger"
        />
        <ul id={listId} role="listbox" aria-label="Suggested countries" hidden={!showing} className="absolute z-10 mt-1 max-h-80 w-full overflow-auto border-2 border-ink bg-white">
          {showing &&
            suggestions.map((option, index) => (
              <li
                key={option.code}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                // Choosing with the pointer must not blur the field first (which closes the list).
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                className={`cursor-pointer px-2 py-2 ${index === active ? "bg-link text-white" : ""}`}
              >
                {option.name}
                {option.demonym && option.demonym !== option.name ? <span className={index === active ? "" : "text-muted"}> ({option.demonym})</span> : null}
              </li>
            ))}
        </ul>
        <p className="sr-only" aria-live="polite">
          {open && value.trim() ? `${suggestions.length} ${suggestions.length === 1 ? "suggestion" : "suggestions"}` : ""}
        </p>
      </div>
    </div>
  );
}
