/**
 * `npm run provision -- --site <site url or id> [--dry-run] [--env dev]`: creates PUI Desk's
 * SharePoint lists, columns and indexes on one site. Safe to run again: it then changes nothing
 * and says so.
 */
import type { TokenCredential } from '@azure/identity';
import { ConfigError, withEnvFiles } from '../config';
import { accessHint } from '../store/sharepoint/access-hints';
import { GraphError } from '../store/sharepoint/graph-error';
import { describeStep, planProvisioning, provision } from '../store/sharepoint/provisioning';
import type { RetryPolicy } from '../store/sharepoint/retry-policy';
import { SharePointConfigError, sharePointConfigFromEnv } from '../store/sharepoint/sharepoint-config';
import { createGraphHttp } from '../store/sharepoint/sharepoint-stores';
import { listDisplayName, LIST_SPECS } from '../store/sharepoint/list-schema';

export interface ProvisionCliDeps {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  /** Tests: a credential and retry policy instead of the configured ones. */
  credential?: TokenCredential;
  retry?: RetryPolicy;
}

const USAGE = `Usage: npm run provision -- --site <site url or id> [--dry-run] [--env <name>]

  --site     the SharePoint site, e.g. https://contoso.sharepoint.com/sites/pui (or its Graph id);
             default SHAREPOINT_SITE_URL / SHAREPOINT_SITE_ID
  --dry-run  print what would be created, change nothing
  --env      also read env/.env.<name> and env/.env.<name>.user (variables already set win)

Credentials come from the environment: AZURE_TENANT_ID, AZURE_CLIENT_ID and
SECRET_AZURE_CLIENT_SECRET, or AZURE_CLIENT_CERTIFICATE_PATH, or SHAREPOINT_AUTH=managed-identity.`;

interface Args {
  site?: string;
  dryRun: boolean;
  envName?: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--site' || a === '--env') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new SharePointConfigError(`${a} needs a value.`);
      if (a === '--site') args.site = value;
      else args.envName = value;
    } else if (a.startsWith('--site=')) args.site = a.slice('--site='.length);
    else if (a.startsWith('--env=')) args.envName = a.slice('--env='.length);
    else throw new SharePointConfigError(`Unknown argument ${a}.`);
  }
  return args;
}

/** Runs the command; returns the exit code. */
export async function runProvision(argv: string[], deps: ProvisionCliDeps): Promise<number> {
  let site = '';
  let siteId: string | undefined;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      deps.out(USAGE);
      return 0;
    }
    const env = args.envName ? withEnvFiles(deps.env, args.envName) : { ...deps.env };
    if (args.site) {
      // The site given on the command line is the one provisioned, whatever the env names.
      const isUrl = /^https?:\/\//i.test(args.site);
      env.SHAREPOINT_SITE_URL = isUrl ? args.site : undefined;
      env.SHAREPOINT_SITE_ID = isUrl ? undefined : args.site;
    }
    const config = sharePointConfigFromEnv(env);
    site = config.siteUrl ?? config.siteId!;
    const http = createGraphHttp(config, { credential: deps.credential, retry: deps.retry });

    if (args.dryRun) {
      const plan = await planProvisioning(http, site, config.listPrefix);
      deps.out(`Site: ${plan.site.displayName ?? ''} ${plan.site.webUrl ?? ''}`.trim());
      deps.out(`Site id: ${plan.site.id}`);
      for (const problem of plan.problems) deps.out(`! ${problem}`);
      if (plan.steps.length === 0) deps.out('Nothing to change: the lists, columns and indexes are already in place.');
      else {
        deps.out(`Plan (${plan.steps.length} change${plan.steps.length === 1 ? '' : 's'}):`);
        for (const step of plan.steps) deps.out(`  ${describeStep(step)}`);
      }
      deps.out('Dry run: nothing was changed.');
      return plan.problems.length > 0 ? 1 : 0;
    }

    const { plan, applied } = await provision(http, site, config.listPrefix, {
      onPlan: (planned) => {
        siteId = planned.site.id;
        deps.out(`Site: ${planned.site.displayName ?? ''} ${planned.site.webUrl ?? ''}`.trim());
        for (const problem of planned.problems) deps.out(`! ${problem}`);
      },
      onStep: (step) => deps.out(`  ${describeStep(step)}`),
    });
    if (plan.problems.length > 0) {
      deps.out('Nothing was changed: fix the problems above first.');
      return 1;
    }
    deps.out(
      applied.length === 0
        ? 'Nothing to change: the lists, columns and indexes are already in place.'
        : `Done: ${applied.length} change${applied.length === 1 ? '' : 's'} made.`,
    );
    deps.out(`Lists: ${LIST_SPECS.map((s) => listDisplayName(s, config.listPrefix)).join(', ')}`);
    deps.out(`Put this in env/.env.<env>:  SHAREPOINT_SITE_ID=${plan.site.id}`);
    return 0;
  } catch (error) {
    if (error instanceof SharePointConfigError || error instanceof ConfigError) {
      deps.out(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    const hint = accessHint(error, 'provision', site, siteId);
    if (hint) {
      deps.out(hint);
      return 1;
    }
    if (error instanceof GraphError) {
      deps.out(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  runProvision(process.argv.slice(2), { env: process.env, out: (line) => process.stdout.write(`${line}\n`) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Provisioning stopped: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
