// Every third-party service the stub server plays; add a service as one handler file and one line here.

import type { StubService } from '../types.ts';
import { smsService } from './sms.ts';

export const defaultServices: readonly StubService[] = [smsService];
export { smsService };
