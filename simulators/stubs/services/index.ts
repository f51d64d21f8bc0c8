// Every third-party service the stub server plays; add a service as one handler file and one line here.

import type { StubService } from '../types.ts';
import { aiService } from './ai.ts';
import { mailService } from './mail.ts';
import { monitoringService } from './monitoring.ts';
import { paymentService } from './payment.ts';
import { smsService } from './sms.ts';

export const defaultServices: readonly StubService[] = [smsService, mailService, paymentService, aiService, monitoringService];
export { smsService, mailService, paymentService, aiService, monitoringService };
export { createPaymentService, type ChargeRequest, type Charge, type SentWebhook, type PaymentOptions } from './payment.ts';
export { aiLabels, classify, type AiLabel, type AiScene } from './ai.ts';
