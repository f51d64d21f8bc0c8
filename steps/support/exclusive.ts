// Scenarios tagged @exclusif change what every instance shares (clock, migration date, maintenance): they run alone.

import { setParallelCanAssign } from '@cucumber/cucumber';

const exclusive = (pickle: { tags: readonly { name: string }[] }): boolean => pickle.tags.some((tag) => tag.name === '@exclusif');

// An exclusive scenario starts only when no other runs, and nothing starts beside it.
setParallelCanAssign((candidate, running) => running.length === 0 || (!exclusive(candidate) && !running.some(exclusive)));
