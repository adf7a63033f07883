// Apart from the rescue schema so the form can list them without bundling zod into the browser, where
// zod's probe for `new Function` is a Content-Security-Policy violation.
export const IMMEDIATE_NEEDS = [
  "Food and water",
  "Clothes",
  "A wash",
  "Rest",
  "Medical care",
  "Safety from the exploiters",
  "No ID documents",
] as const;
