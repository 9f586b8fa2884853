import type { ResponseData, Schemas } from '@/lib/api/types';

export type { Role } from '@/lib/api/types';
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
/** An existing account is added at once; an unknown e-mail is invited. */
export type AddMemberResult = ResponseData<'addMember'>;
