// Third-party services (SMS gateway, mail provider, payment provider, AI classification, ...) as msw handlers over real HTTP.

/**
 * Starts the stub server on a port the OS chooses. Every request is journaled; a request no handler
 * knows is answered 501 and listed by `GET /__unhandled`, which must fail the scenario.
 */
export { startStubServer, type StartedStubServer, type StubServerOptions } from './server.ts';
/** The journal of requests the stubs received, with filters and a bounded wait. */
export { RequestJournal, matches as journalEntryMatches } from './journal.ts';
/** Validates a fault: returns why it is invalid, or undefined. */
export { checkFault } from './faults.ts';
/** The services played by default, one handler file each: SMS gateway, mail provider, payment provider, AI classification. */
export {
  defaultServices, smsService, mailService, paymentService, aiService, createPaymentService, aiLabels, classify,
  type ChargeRequest, type Charge, type SentWebhook, type PaymentOptions, type AiLabel, type AiScene,
} from './services/index.ts';
export type { FaultView } from './faults.ts';
export type { Fault, FaultMode, JournalEntry, JournalFilter, StubService } from './types.ts';
