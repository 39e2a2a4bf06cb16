import { execFile, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const subscriptions = fileURLToPath(new URL('../test/fixtures/subscriptions.csv', import.meta.url));

/** Runs the built command in a child process, as a user's shell would. */
async function spawnCskit(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the built cskit bin', () => {
  // The test task does not depend on this package's own build, so the test builds what it runs.
  beforeAll(() => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'pipe' });
  }, 60_000);

  it('prints a report and exits 0', async () => {
    const { code, stdout, stderr } = await spawnCskit(['report', '--subscriptions', subscriptions, '--format', 'csv']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[3]?.startsWith('2024-03,USD,220,2640,2,110,')).toBe(true);
  });

  it('prints JSON when its output is a pipe', async () => {
    const { stdout } = await spawnCskit(['report', '--subscriptions', subscriptions]);
    expect((JSON.parse(stdout) as { months: unknown[] }).months).toHaveLength(3);
  });

  it('prints health scores and exits 0', async () => {
    const { code, stdout, stderr } = await spawnCskit(['health', '--subscriptions', subscriptions, '--format', 'csv']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    // 2024-03-31: acme and initech are active; globex ended on 2024-03-10.
    expect(stdout.split('\n').map((line) => line.split(',')[0])).toEqual(['customer_id', 'acme', 'initech', '']);
  });

  it('exits with the status of the run: 2 for bad usage', async () => {
    const { code, stdout, stderr } = await spawnCskit(['report', '--subscriptions', subscriptions, '--from', 'May']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      'cskit report: --from must be a month as YYYY-MM, got "May"\nRun \'cskit report --help\' for usage.\n',
    );
  });
});
