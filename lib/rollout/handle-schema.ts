/** What the server accepts as an operation id from the rollout URL (`?op=`), with zod as for every outside input. */
import { z } from 'zod';
import { OPERATION_ID } from './handle';

export const operationIdSchema = z.string().regex(OPERATION_ID, 'not an operation id');
