// Cucumber's Allure formatter (allure-cucumberjs), writing its results and attachments without an fsync per file.
//
// Allure's file writer syncs every file to disk before renaming it in place, in Cucumber's main thread, which also
// hands the scenarios to the workers. Profiled on the regression (434 scenarios, 9 workers, 137 s): 9.3 s of that
// thread went to fsync. The results are read once Cucumber has ended, by the harness; a machine that fails mid-run
// loses the run either way, so nothing is gained by syncing each file.

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import allureReporter from 'allure-cucumberjs/reporter';

// The package's types describe its CommonJS build; Node imports its ES module, whose default export is the class.
const AllureCucumberReporter = allureReporter as unknown as typeof allureReporter.default;

/** What the formatter writes per scenario; the rest (environment, categories, globals) stays with Allure's writer. */
interface ResultWriter {
  writeResult(result: { uuid: string }): void;
  writeGroup(result: { uuid: string }): void;
  writeAttachment(name: string, content: Buffer): void;
  writeAttachmentFromPath(name: string, from: string): void;
}

/** Allure's writer, with the files of every scenario written plainly (same names, same content) into `dir`. */
export function unsyncedWriter<W extends ResultWriter>(allure: W, dir: string): W {
  mkdirSync(dir, { recursive: true });
  const writer: W = Object.create(allure);
  writer.writeResult = (result) => writeFileSync(join(dir, `${result.uuid}-result.json`), JSON.stringify(result), 'utf8');
  writer.writeGroup = (result) => writeFileSync(join(dir, `${result.uuid}-container.json`), JSON.stringify(result), 'utf8');
  writer.writeAttachment = (name, content) => writeFileSync(join(dir, name), content);
  writer.writeAttachmentFromPath = (name, from) => copyFileSync(from, join(dir, name));
  return writer;
}

type Options = ConstructorParameters<typeof AllureCucumberReporter>[0];

export default class HarnessAllureFormatter extends AllureCucumberReporter {
  constructor(options: Options) {
    super(options);
    const runtime = (this as unknown as { allureRuntime: { writer: ResultWriter } }).allureRuntime;
    const dir = (options.parsedArgvOptions as { resultsDir?: string }).resultsDir ?? './allure-results';
    runtime.writer = unsyncedWriter(runtime.writer, dir);
  }
}
