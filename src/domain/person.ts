/** People and the roles they hold in PUI Desk. */

export type Role = 'reporter' | 'dpo' | 'admin';

/** A person as recorded on an incident: Entra object id and display name. */
export interface Person {
  id: string;
  name: string;
}

/** The app itself, as the actor of what it does on its own (reminders). */
export const SYSTEM_ACTOR: Person = { id: 'pui-desk', name: 'PUI Desk' };

/** The signed-in caller of a use case. */
export interface Caller extends Person {
  roles: readonly Role[];
}

/** True when the caller may act as the DPO: a DPO or an admin (roles from {@link rolesOf}). */
export function isDpo(caller: Caller): boolean {
  return caller.roles.includes('dpo') || caller.roles.includes('admin');
}
