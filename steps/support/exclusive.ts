// Scenarios that share something run apart: @exclusif ones change what every instance shares (clock, migration date, maintenance) and run alone; @clients-migres ones play designated accounts and their devices, which two scenarios may share, so they run one at a time.

import { setParallelCanAssign } from '@cucumber/cucumber';

const tagged = (tag: string) => (pickle: { tags: readonly { name: string }[] }): boolean => pickle.tags.some((t) => t.name === tag);
const exclusive = tagged('@exclusif');
const onDesignatedAccounts = tagged('@clients-migres');

// An exclusive scenario starts only when no other runs, and nothing starts beside it; two on designated accounts never run together.
setParallelCanAssign((candidate, running) => running.length === 0 ||
  (!exclusive(candidate) && !running.some(exclusive) && !(onDesignatedAccounts(candidate) && running.some(onDesignatedAccounts))));
