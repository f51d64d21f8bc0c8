// The containers environment on a real engine: the foundation slice is GO with PostgreSQL and Mosquitto in containers,
// the run says in one line which image it used and why, and removes its containers. Skipped, with the reason printed,
// where no engine answers or it holds no services image (.ci/run says why it could not provide them).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { defaultImages, defaultLocalImage, detectContainerRuntime } from '../../environments/containers.ts';
import { runCli } from './cli.ts';

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function hasImage(image: string): boolean {
  try {
    docker(['image', 'inspect', '--format', '{{.Id}}', image]);
    return true;
  } catch {
    return false;
  }
}

/** Why this machine cannot run the containers environment, or undefined when it can. */
async function whyNot(): Promise<string | undefined> {
  try {
    await detectContainerRuntime();
  } catch (error) {
    return (error as Error).message;
  }
  const local = process.env['HARNESS_LOCAL_IMAGE'] || defaultLocalImage;
  if (!hasImage(local) && !(hasImage(defaultImages.postgres) && hasImage(defaultImages.mqtt))) return `the engine holds neither ${local} nor ${defaultImages.postgres} and ${defaultImages.mqtt}: run scripts/build-local-images.sh`;
  return undefined;
}

function skipWith(t: TestContext, reason: string): void {
  console.log(`# containers self-test skipped: ${reason}`);
  t.skip(reason);
}

describe('the containers environment, on a real engine', () => {
  it('certifies the foundation slice with PostgreSQL and Mosquitto in containers, says which image once, and removes its containers', async (t) => {
    const reason = await whyNot();
    if (reason) return skipWith(t, reason);
    let pid: number | undefined;
    const run = await runCli(['run', '--env', 'containers', '--profile', 'foundation', '--no-html'], {
      timeoutMs: 300_000,
      prefix: 'harness-containers-',
      onOutput: (_, child) => {
        pid ??= child.pid;
      },
    });
    const explain = `exit ${run.code} after ${run.seconds.toFixed(1)} s; output:\n${run.output.slice(-3000)}`;
    assert.equal(run.code, 0, explain);
    assert.match(run.output, /\[harness\] verdict: GO \(all \d+ scenarios passed\)/, explain);
    const imageLines = run.output.split('\n').filter((line) => /^\[harness\] containers: (PostgreSQL|Mosquitto)/.test(line));
    assert.equal(imageLines.length, 1, explain);
    assert.match(imageLines[0] ?? '', /^\[harness\] containers: (PostgreSQL and Mosquitto in \S+, the local image built by scripts\/build-local-images\.sh \(postgres:16-alpine and eclipse-mosquitto:2 cannot be pulled: .+\)|PostgreSQL in \S+ \((present on the engine|pulled)\), Mosquitto in \S+ \((present on the engine|pulled)\)|PostgreSQL and Mosquitto in \S+ \((present on the engine|pulled)\))$/);
    assert.ok(run.output.split('\n').filter((line) => line.includes('the Ryuk reaper is disabled')).length <= 1, 'the reaper line is said at most once');
    // Only 127.0.0.1 was addressed: the run's recorded broker and database.
    const runId = /\[harness\] run (\S+):/.exec(run.output)?.[1] ?? '';
    const properties = readFileSync(join(run.reportsDir, runId, 'allure-results', 'environment.properties'), 'utf8');
    assert.match(properties, /^mqtt\.broker=mqtt:\/\/127\.0\.0\.1:\d+$/m);
    assert.match(properties, /^database\.accounts=postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/\S+$/m);
    // The harness removed its own containers (the reaper may be disabled).
    assert.ok(pid !== undefined);
    assert.equal(docker(['ps', '-a', '--quiet', '--filter', `label=kw-harness.owner-pid=${pid}`]), '', `containers of run process ${pid} are left`);
  });

  it('removes its containers when Ctrl-C interrupts the run', async (t) => {
    const reason = await whyNot();
    if (reason) return skipWith(t, reason);
    let pid: number | undefined;
    let sent = false;
    const run = await runCli(['run', '--env', 'containers', '--profile', 'foundation', '--no-html'], {
      timeoutMs: 300_000,
      prefix: 'harness-containers-',
      processGroup: true,
      onOutput: (output, child) => {
        pid ??= child.pid;
        if (!sent && child.pid !== undefined && output.includes('[harness] environment up')) {
          sent = true;
          process.kill(-child.pid, 'SIGINT');
        }
      },
    });
    assert.equal(run.code, 130, run.output.slice(-3000));
    assert.match(run.output, /\[harness\] verdict: INTERRUPTED/);
    assert.ok(pid !== undefined);
    assert.equal(docker(['ps', '-a', '--quiet', '--filter', `label=kw-harness.owner-pid=${pid}`]), '', `containers of run process ${pid} are left`);
  });

  it('is a broken environment (exit 3), said in one line within seconds, where no engine answers', async () => {
    const run = await runCli(['run', '--env', 'containers', '--profile', 'foundation', '--no-html'], { env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, timeoutMs: 60_000, prefix: 'harness-containers-' });
    assert.equal(run.code, 3, run.output);
    assert.match(run.output, /no container runtime: no Docker or Podman engine answers at DOCKER_HOST=unix:\/\/\/nonexistent\/docker\.sock; install and start Docker/);
    assert.ok(run.seconds < 45, `${run.seconds} s`);
  });
});
