import { hasSafetyFlags, SAFETY_RISK_LABELS, safetyRowWords, type SafetyFlagsView } from "@/domain/person/safety-flags";

/**
 * A person's safety flags, at the top of everything that shows the person: a warning, in words (not
 * only colour), before anything else is read. `compact` is the line a list row carries.
 */
export function SafetyBanner({ flags, compact = false }: { flags: SafetyFlagsView | null | undefined; compact?: boolean }) {
  if (!hasSafetyFlags(flags)) return null;
  if (compact) return <SafetyRowLine words={safetyRowWords(flags)} />;
  return (
    <section aria-labelledby="safety-heading" className="mb-8 border-4 border-danger" data-testid="safety-banner">
      <h2 id="safety-heading" className="bg-danger px-4 py-1 text-lg font-bold text-white">
        Safety warning
      </h2>
      <div className="p-4">
        {flags.risks.length > 0 && (
          <ul className="mb-2 list-disc pl-6 text-lg font-bold">
            {flags.risks.map((risk) => (
              <li key={risk}>{SAFETY_RISK_LABELS[risk]}</li>
            ))}
          </ul>
        )}
        {flags.safeContact && (
          <p className="mb-1 whitespace-pre-line break-words">
            <span className="font-bold">Safe ways to contact: </span>
            {flags.safeContact}
          </p>
        )}
        {flags.neverContact && (
          <p className="whitespace-pre-line break-words">
            <span className="font-bold">Never use: </span>
            {flags.neverContact}
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * A list row's safety line from its words (`safetyRowWords`), worked out where the row's data is: the
 * queue's rows are drawn by a client component, which gets these words and never the flags.
 */
export function SafetyRowLine({ words }: { words: string | null }) {
  if (words === null) return null;
  return (
    <p className="mt-1 border-l-4 border-danger pl-2 text-base font-bold" data-testid="safety-flags-row">
      <span className="sr-only">Safety warning: </span>
      <span aria-hidden="true">⚠ </span>
      {words}
    </p>
  );
}
