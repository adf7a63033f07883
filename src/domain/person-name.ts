/** How a person is named on screen: their name, else the description logged at rescue. */
export function personDisplayName(identity: { name: string | null; description: string | null } | null | undefined): string {
  return identity?.name ?? identity?.description ?? "No name recorded";
}
