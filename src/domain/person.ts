/** People and the roles they hold in PUI Desk. */

export type Role = 'reporter' | 'dpo' | 'admin';

/** A person as recorded on an incident: Entra object id and display name. */
export interface Person {
  id: string;
  name: string;
}

/** The signed-in caller of a use case. */
export interface Caller extends Person {
  roles: readonly Role[];
}

export function isDpo(caller: Caller): boolean {
  return caller.roles.includes('dpo') || caller.roles.includes('admin');
}
