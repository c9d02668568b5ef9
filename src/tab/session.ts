/** Who is signed in, as the pages need it. */
import { createContext, useContext } from 'react';
import type { ApiError } from '../web/api-client';
import type { Me } from '../web/api-contract';

export interface Session {
  /** Absent while /api/me is on its way, or when it failed. */
  me?: Me;
  error?: ApiError;
  /** DPO or admin: may see the board, the register and change incidents. */
  isDpo: boolean;
}

export const SessionContext = createContext<Session>({ isDpo: false });

export function useSession(): Session {
  return useContext(SessionContext);
}

/** True for the roles that may work every incident. */
export function isDpoRole(me: Me | undefined): boolean {
  return Boolean(me && (me.roles.includes('dpo') || me.roles.includes('admin')));
}
