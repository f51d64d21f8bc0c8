// Step deadline: longer than any wait a driver makes (10 s), so a driver's own message, not Cucumber's, explains a failure.

import { setDefaultTimeout } from '@cucumber/cucumber';

setDefaultTimeout(30_000);
