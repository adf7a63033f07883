/** An error beside a small inline form (a button, a select), read out when it appears. */
export function InlineError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 font-bold text-danger" role="alert">
      <span className="sr-only">Error:</span> {message}
    </p>
  );
}
