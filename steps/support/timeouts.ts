// Step deadline: a backstop longer than what one step may legitimately wait for, so that a driver's own message, not
// Cucumber's, explains a failure. The longest is the first page of a worker: the browser's launch (its own deadline is
// 30 s) and then the driver's wait (10 s, up to 30 s for a month's quota of alerts). With 30 s here, a worker's first
// browser step on a loaded machine (10 workers on 2 cores: 41 s) failed as "function timed out" instead of passing.

import { setDefaultTimeout } from '@cucumber/cucumber';

setDefaultTimeout(75_000);
