// `node simulators/fleet/cli.ts --fleet <file or counts> --env FILE | --broker URL`: the load QA puts on pre-production before the migration.

import { parseArgs } from 'node:util';
import { defaultCatalogDir, loadCatalog } from '../../catalog/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { checkTarget, clearRetainedStatus, onboardFleet, parseShard, planFleet, progressLine, readFleetSpec, resolveTarget, runFleet, statusTopic, summaryText } from './index.ts';

const usage = `usage: node simulators/fleet/cli.ts --fleet <file | name=count,...> (--env FILE | --broker URL)
  [--seed 1] [--shard i/n] [--ramp-s 10] [--duration-s 60] [--heartbeat-s 30] [--events-per-minute 2]
  [--concurrency 200] [--no-onboard]
  --fleet   a file of "<model or generation> <count>" lines, or counts like mqtt3=500,vigie-4k-2022=20
  --env     the environment file the harness writes (its broker, first platform instance and capabilities)
  --broker  a broker of your own, e.g. mqtt://127.0.0.1:1883; PLATFORM_URL names the platform (needed by
            http-push, https-json and mqtt5 cameras, and to claim the devices so their events are stored)`;

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, strict: true, allowPositionals: false,
    options: {
      fleet: { type: 'string' }, env: { type: 'string' }, broker: { type: 'string' }, seed: { type: 'string', default: '1' }, shard: { type: 'string', default: '1/1' },
      'ramp-s': { type: 'string', default: '10' }, 'duration-s': { type: 'string', default: '60' }, 'heartbeat-s': { type: 'string', default: '30' },
      'events-per-minute': { type: 'string', default: '2' }, concurrency: { type: 'string', default: '200' }, 'no-onboard': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!values.fleet || (values.env === undefined) === (values.broker === undefined)) throw new ConfigurationError(`--fleet and one of --env FILE or --broker URL are required\n${usage}`);
  const number = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new ConfigurationError(`--${flag} must be a number >= ${min}, got "${value}"`);
    return n;
  };
  const seed = number('seed', values.seed, 0);
  const shard = parseShard(values.shard ?? '1/1');
  const devices = planFleet(readFleetSpec(values.fleet, loadCatalog(defaultCatalogDir)), seed, shard);
  const target = await resolveTarget({ env: values.env, broker: values.broker });
  checkTarget(target, new Set(devices.map((d) => d.model.generation)));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log(`[fleet] seed ${seed}, shard ${shard.index}/${shard.count}: ${devices.length} devices against ${target.name} (broker ${target.endpoints.brokerUrl}${target.platformUrl ? `, platform ${target.platformUrl}` : ''})`);
  if (target.platformUrl && !values['no-onboard']) {
    const claimed = await onboardFleet(devices, { platformUrl: target.platformUrl, runTag: `fleet-${seed}`, devicesPerAccount: 25, concurrency: 8 });
    log(`[fleet] ${claimed} devices claimed on the platform`);
  }
  const summary = await runFleet({
    devices, endpoints: target.endpoints, rampMs: number('ramp-s', values['ramp-s'], 0) * 1000, durationMs: number('duration-s', values['duration-s'], 0) * 1000,
    heartbeatEveryMs: number('heartbeat-s', values['heartbeat-s'], 1) * 1000, eventsPerMinute: number('events-per-minute', values['events-per-minute'], 0),
    connectConcurrency: number('concurrency', values.concurrency, 1), onProgress: (p) => log(progressLine(p, devices.length)),
  });
  log(summaryText(summary));
  // A broker keeps the retained status a fleet leaves: cleared where the fleet may write (target.clearsRetained).
  if (target.clearsRetained) {
    const topics = devices.flatMap((d) => statusTopic(d.serial, d.model.generation) ?? []);
    await clearRetainedStatus(target.endpoints.brokerUrl ?? '', topics.filter((t) => t.startsWith('kw/cameras/') || target.endpoints.mqtt5Url === target.endpoints.brokerUrl));
  }
  process.stdout.write(`${JSON.stringify({ shard: `${shard.index}/${shard.count}`, seed, ...summary })}\n`);
  return summary.failed > 0 || summary.errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(error instanceof ConfigurationError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : error instanceof EnvironmentError ? 3 : 1);
});
