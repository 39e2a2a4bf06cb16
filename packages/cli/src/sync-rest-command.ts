import { basename, join } from 'node:path';
import { CskitValidationError } from '@cskit/core';
import {
  DELIGHTED_KEY_VARIABLE,
  parseRestMapping,
  REST_ENTITY_FILES,
  RestMappingError,
  SourceAuthError,
  syncDelighted,
  syncRest,
  syncTypeform,
  TYPEFORM_TOKEN_VARIABLE,
  type RestMapping,
  type RestSyncProgress,
  type SyncRestResult,
} from '@cskit/connectors/rest';
import type { CliIo } from './cli-io.js';
import { InputError } from './input-error.js';
import { readJsonInputFile } from './json-input-file.js';
import { restProgressLines, restProgressStatus } from './rest-sync-progress.js';
import type { SyncArguments } from './sync-arguments.js';
import { usage } from './sync-usage.js';

/** What differs between the syncs on the REST machinery. */
interface RestPlan {
  /** `delighted`, `typeform`, `rest`: prefixes progress lines. */
  readonly source: string;
  /** The source in messages: `Delighted`. */
  readonly label: string;
  /** The file written, e.g. `nps.csv`. */
  readonly file: string;
  /** What the records are: `NPS responses`. */
  readonly what: string;
  /** The variable holding the secret, if the source needs one. */
  readonly variable?: string;
  /** What to set it to, after an HTTP 401/403. */
  readonly advice: string;
  readonly sync: (secret: string | undefined, onProgress: (event: RestSyncProgress) => void) => Promise<SyncRestResult>;
}

/**
 * `cskit sync delighted|typeform|rest --out DIR …`: the syncs on the REST machinery of
 * `@cskit/connectors/rest`. Delighted's key comes from `DELIGHTED_API_KEY`, Typeform's token from
 * `TYPEFORM_TOKEN`, a mapping's secret from the variable its `request.auth.env` names: from the
 * environment only, never printed.
 *
 * @returns the exit status: 0 synced, 1 the source refused the credential, the mapping file is invalid,
 *   a record could not be mapped or the API kept failing (run again to resume), 2 bad usage (including
 *   a missing variable).
 */
export async function runRestSync(args: SyncArguments & { readonly out: string }, io: CliIo): Promise<number> {
  const plan = await restPlan(args);
  if (plan instanceof InputError) {
    io.stderr.write(`cskit sync: ${plan.message}\n`);
    return 1;
  }
  const secret = plan.variable === undefined ? undefined : (io.env?.[plan.variable]?.trim() ?? '');
  if (plan.variable !== undefined && secret === '') {
    return usage(io, `set ${plan.variable}: ${plan.advice} (it is read from the environment only)`);
  }
  // Whatever is printed, the secret is not: a message that quotes it gets it masked.
  const mask = (text: string): string =>
    secret === undefined || plan.variable === undefined ? text : text.replaceAll(secret, `$${plan.variable}`);
  const stderr = { write: (text: string) => io.stderr.write(mask(text)) };
  const progress =
    io.stderr.isTTY === true
      ? restProgressStatus(plan.source, plan.what, stderr)
      : restProgressLines(plan.source, plan.what, stderr);
  const print = (line: string): void => {
    progress.end();
    stderr.write(`${line}\n`);
  };
  try {
    const result = await plan.sync(secret, progress.update);
    print(`${plan.source}: ${result.file} and ${result.statePath} are up to date`);
    return 0;
  } catch (error) {
    if (error instanceof SourceAuthError) {
      const why =
        error.status === 401
          ? `${plan.label} rejected the credential (HTTP 401)`
          : `${plan.label} refused the credential (HTTP 403): it may not read what the sync needs`;
      print(`error: ${why}. Set ${plan.variable ?? 'the variable of request.auth.env'} to ${plan.advice}.`);
      return 1;
    }
    if (error instanceof CskitValidationError) {
      for (const line of error.message.split('\n')) print(`error: ${line}`);
      print(
        `${plan.source}: nothing was written to ${join(args.out, plan.file)}; the records above need fixing in ${plan.label}`,
      );
      return 1;
    }
    if (error instanceof RangeError) return usage(io, mask(error.message));
    const message = error instanceof Error ? error.message : String(error);
    print(`error: the ${plan.label} sync stopped: ${message}`);
    print(`${plan.source}: every finished page is saved; run the same command again to resume`);
    return 1;
  }
}

async function restPlan(args: SyncArguments & { readonly out: string }): Promise<RestPlan | InputError> {
  const common = {
    out: args.out,
    timeZone: args.timeZone,
    ...(args.baseUrl === undefined ? {} : { baseUrl: args.baseUrl }),
  };
  switch (args.source) {
    case 'delighted':
      return {
        source: 'delighted',
        label: 'Delighted',
        file: 'nps.csv',
        what: 'NPS responses',
        variable: DELIGHTED_KEY_VARIABLE,
        advice: 'the API key of a Delighted NPS project (Settings > API)',
        sync: (secret, onProgress) => syncDelighted({ ...common, apiKey: secret ?? '', onProgress }),
      };
    case 'typeform':
      return {
        source: 'typeform',
        label: 'Typeform',
        file: 'nps.csv',
        what: 'NPS responses',
        variable: TYPEFORM_TOKEN_VARIABLE,
        advice: 'a Typeform personal access token with the responses:read scope',
        sync: (secret, onProgress) =>
          syncTypeform({ ...common, formId: args.form ?? '', token: secret ?? '', onProgress }),
      };
    default: {
      const path = args.config ?? '';
      const mapping = await readJsonInputFile('config', path, 'a valid REST mapping', (json) => {
        try {
          return parseRestMapping(json, basename(path));
        } catch (error) {
          if (!(error instanceof RestMappingError)) throw error;
          const count = error.problems.length === 1 ? '1 problem' : `${error.problems.length} problems`;
          throw new RangeError(`${count}:\n${error.problems.map((problem) => `  ${problem}`).join('\n')}`);
        }
      });
      if (mapping instanceof InputError) return mapping;
      return mappingPlan(mapping, common);
    }
  }
}

function mappingPlan(mapping: RestMapping, common: { readonly out: string; readonly timeZone: string }): RestPlan {
  const auth = mapping.spec.request.auth;
  const entity = mapping.spec.entity;
  return {
    source: 'rest',
    label: new URL(mapping.spec.request.url).host,
    file: REST_ENTITY_FILES[entity].file,
    what: `${entity} records`,
    ...(auth === undefined ? {} : { variable: auth.env }),
    advice: `a credential of ${new URL(mapping.spec.request.url).host} that may read ${mapping.spec.request.url}`,
    sync: (secret, onProgress) =>
      syncRest({
        ...common,
        mapping,
        ...(secret === undefined ? {} : { secret }),
        label: new URL(mapping.spec.request.url).host,
        onProgress,
      }),
  };
}
