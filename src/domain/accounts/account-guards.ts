import type { Role } from "../types";

export type AccountRefusal = { code: "own-account" | "last-administrator"; message: string };

/** The account being changed, as it is now. */
export type AccountNow = { id: string; role: Role; agencyId: string; active: boolean };

/** What a change asks for; a field left out stays as it is. */
export type AccountChange = { role?: Role; agencyId?: string; active?: boolean };

/**
 * The two rules that keep a partnership administrable. An administrator may not switch off, demote or
 * move their own account (someone else must, so a slip cannot lock them out mid-task). And nobody may
 * switch off or demote the last active administrator: then nobody could create accounts or undo it.
 * `activeAdministrators` must be counted under a lock in the same transaction as the change, or two
 * administrators demoting each other at once could each see the other still there.
 */
export function accountChangeRefusal(input: {
  actorId: string;
  target: AccountNow;
  change: AccountChange;
  activeAdministrators: number;
}): AccountRefusal | null {
  const { actorId, target, change, activeAdministrators } = input;
  const switchesOff = change.active === false && target.active;
  const demotes = change.role !== undefined && change.role !== target.role && target.role === "ADMINISTRATOR";
  const moves = change.agencyId !== undefined && change.agencyId !== target.agencyId;

  if (target.id === actorId && (switchesOff || demotes || moves)) {
    const what = switchesOff ? "switch off" : demotes ? "change the role of" : "move";
    return { code: "own-account", message: `You cannot ${what} your own account. Ask another administrator to do it.` };
  }
  const removesAnAdministrator = target.role === "ADMINISTRATOR" && target.active && (switchesOff || demotes);
  if (removesAnAdministrator && activeAdministrators <= 1) {
    return {
      code: "last-administrator",
      message: "This is the partnership's last active administrator. Make someone else an administrator first.",
    };
  }
  return null;
}
