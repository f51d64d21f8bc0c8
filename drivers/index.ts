// Protocol drivers: how steps reach the platform (HTTP API, customer space in a browser) and the third-party stubs.

/**
 * Client of the platform's HTTP API. Calls have a deadline; an unreachable instance raises an
 * EnvironmentError, an answer the contract does not allow raises an HttpAssertionError (with `status`).
 */
export { PlatformApi, type Device, type PlatformEvent } from './platform-api.ts';
/** Every instance answers /health on the expected version under its own id, or the error lists those that do not. */
export { checkInstances } from './instances.ts';
/** An answer that breaks the contract (status or body), naming the call, the status and the body. */
export { HttpAssertionError } from './http.ts';
/** Client of the stub server's control API: journal queries, bounded waits, fault switches, unhandled requests. */
export { StubJournal, type JournalEntry } from './stub-journal.ts';
/** What the platform asked of the mail, payment and AI stubs; faults per correlation; the reaction a fault must cause (retry, once only). */
export { ThirdParties, type ThirdParty, type AiLabel, type ChargeRequest } from './third-parties.ts';
/** Client of the service modules' API: state and quotas, AI and home-care settings, billing, recordings, the synthetic account's clock. */
export {
  ModulesApi, testInstruments, expectPaymentFailure, type BillingView, type HomeCareSettings, type Classification, type RecordingView,
} from './modules-api.ts';
/** The platform's HTTP contract as data (OpenAPI 3.1, written to docs/platform-openapi.json), and what an answer breaks in it. */
export { platformContract } from './contract/openapi.ts';
export { contractViolation } from './contract/validate.ts';
/** Finds Chromium (CHROMIUM_PATH, playwright-core's, the distribution's) and launches it headless with a deadline. */
export { findChromium, launchBrowser } from './browser.ts';
/** Page object of one white label's customer space. */
export { CustomerSpace, type BrandView } from './customer-space.ts';
/** A brand as the catalog describes it (a CatalogError when incomplete), and the check that a page shows it and no other brand. */
export { brandExpectation, brandFingerprint, brandProblems, expectOwnBrand } from './customer-space-branding.ts';
/** Page object of the back office for support staff: login, customer search and card, instance health. */
export {
  BackOffice, cardProblems, expectContract, expectDevice, instanceHealthProblems, resultText, searchByNameProblems, type CustomerCard, type CustomerResult, type ExpectedCard, type ExpectedContract, type ExpectedResult,
} from './back-office.ts';
/** The stand-in platform's local ops endpoints (test clock, migration date, maintenance, staff), undone by restore(); Paris time helpers. */
export { PlatformOps, parisInstant, parisDaysBefore, parisOnDay } from './platform-ops.ts';
/** Visual comparison against approved baselines in the repo, with tolerance; stale or missing baselines name the update command. */
export { BaselineStore, expectMatch, updateBaselinesCommand, type BaselineAudit } from './visual.ts';
/** Live view: reads a camera's MJPEG stream relayed by the platform, frame by frame (whole JPEGs with their comments). */
export { readLiveFrames, type LiveFrame } from './live-view.ts';
/** Devices as the platform sees them: endpoints advertised in /health, online state, stored events, dated at real time. */
export {
  discoverDeviceEndpoints, eventIdsOf, waitForDeviceOnline, waitForDeviceEvents, waitForDeviceSeenSince,
  waitForMonitoringOutcome, expectPlacedAtRealTime, lastSeenAt, waitForHeardAfter, type DeviceEndpoints,
} from './devices.ts';
/** The operators' counters of /health (SMS, monitoring centre, payments), summed over instances, and exact waits on them. */
export { healthCounters, waitForHealthCounters, type CounterSection, type HealthCounters } from './health-counters.ts';
/** Data spot checks: a test account's contract, events and recordings through the API, against its reference data and its databases (read-only), in Paris time. */
export {
  readAccountThroughApi, readAccountFromDatabases, referenceProblems, expiredRecordings, databaseProblems, parisTime, parisShown,
  parisWallClock, withParisOffset, type AccountData, type ReferenceExpectation,
} from './reference-data.ts';
export { readCustomerView, migratedViewProblems, type CustomerView, type MigratedExpectation } from './migrated-view.ts';
export { expectOrderedList, expectTimeline, expectRecordingsList, expectDeviceEvents, sequenceDiff, newestFirstProblems, type ListedItem } from './ordered-list.ts';
