// Scenarios that share something run apart: @exclusif ones change what every instance shares (clock, migration date, maintenance) and run alone. Scenarios on designated migrated accounts (@clients-migres) run side by side: each leases its account (steps/support/leases.ts), so two never play the same one at once.

import { setParallelCanAssign } from '@cucumber/cucumber';

const tagged = (tag: string) => (pickle: { tags: readonly { name: string }[] }): boolean => pickle.tags.some((t) => t.name === tag);
const exclusive = tagged('@exclusif');

// An exclusive scenario starts only when no other runs, and nothing starts beside it.
setParallelCanAssign((candidate, running) => running.length === 0 || (!exclusive(candidate) && !running.some(exclusive)));
