// Protocol drivers: how steps reach the platform (HTTP API, customer space in a browser) and the third-party stubs.

/**
 * Client of the platform's HTTP API. Calls have a deadline; an unreachable instance raises an
 * EnvironmentError, an answer the contract does not allow raises an HttpAssertionError (with `status`).
 */
export { PlatformApi, type PlatformApiOptions, type Health, type SignupInput, type Account, type ClaimedDevice, type Device, type PlatformEvent } from './platform-api.ts';
/** Every instance answers /health on the expected version under its own id, or the error lists those that do not. */
export { checkInstances, type InstanceAddress } from './instances.ts';
/** An answer that breaks the contract (status or body), naming the call, the status and the body. */
export { HttpAssertionError } from './http.ts';
/** Client of the stub server's control API: journal queries, bounded waits, fault switches, unhandled requests. */
export { StubJournal, type JournalEntry, type JournalQuery, type SmsMessage, type SmsQuery, type StubFault, type StubFaultMode } from './stub-journal.ts';
/** Finds Chromium (CHROMIUM_PATH, playwright-core's, the distribution's) and launches it headless with a deadline. */
export { findChromium, launchBrowser, chromiumArgs, type LaunchOptions } from './browser.ts';
/** Page object of one white label's customer space. */
export { CustomerSpace, type TimelineEvent, type DeviceRow, type LoginOutcome } from './customer-space.ts';
/** A customer-space page shows its own brand's name and support phone, and no other brand's. */
export { expectBrandPage } from './branding.ts';
