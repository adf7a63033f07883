import "server-only";
/** The role may not do this at all. `rule` says which rule refused, for logs and tests. */
export class ForbiddenError extends Error {
  constructor(readonly rule: string) {
    super(`Forbidden by ${rule}`);
    this.name = "ForbiddenError";
  }
}

/** Missing, or not visible to this user: the two are deliberately indistinguishable. */
export class NotFoundError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} not found`);
    this.name = "NotFoundError";
  }
}
