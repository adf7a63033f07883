/**
 * A wide table scrolls sideways inside this box instead of widening the page. Named (by `label` or
 * `labelledBy`), it is a region the keyboard can reach and scroll. It is `relative` so that the
 * table's screen-reader-only text, which is absolutely positioned, stays inside the box: otherwise it
 * sits at its place far to the right and makes the whole page scroll on a phone.
 */
export function TableScrollRegion({
  label,
  labelledBy,
  className = "",
  children,
}: {
  label?: string;
  labelledBy?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const named = label !== undefined || labelledBy !== undefined;
  return (
    <div
      role={named ? "region" : undefined}
      aria-label={label}
      aria-labelledby={labelledBy}
      tabIndex={named ? 0 : undefined}
      className={`relative overflow-x-auto ${className}`.trim()}
    >
      {children}
    </div>
  );
}
