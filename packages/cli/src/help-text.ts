/** `cskit --help`. */
export const MAIN_HELP = `Usage: cskit <command> [options]

Customer-success metrics from your own CSV exports (https://github.com/cskit/cskit).

Commands:
  report     MRR, movements, churn, retention, cohorts, NPS and support times per month
  health     a health score per customer (0–100, red/yellow/green) with its factors, and segment roll-ups
  sync       bring a source's data into canonical CSV files (stripe, zendesk, hubspot, delighted,
             typeform, rest, postgres, duckdb)
  merge      merge billing, CRM, support and survey files by an explicit id map
  explain    the customers behind one month's movement or rate (new, churn, NRR, …) and their lines
  sql        the revenue report as one SQL SELECT for DuckDB, Postgres, ClickHouse, BigQuery or Snowflake

Options:
  -h, --help     show this help (cskit <command> --help for the command's options)
  -v, --version  print the version

Exit status: 0 success, 1 invalid input, 2 bad usage.
`;

/** `cskit report --help`. */
export const REPORT_HELP = `Usage:
  cskit report --subscriptions subs.csv [--customers customers.csv] [--nps nps.csv] [--tickets tickets.csv]
               [--csat csat.csv] [--from 2024-01] [--to 2024-12] [--currency USD] [--fx fx.csv] [--time-zone UTC]
               [--format json|table|csv] [--on-error throw|skip]
  cskit report --sample [--from …] [--to …] [--format …]
  cskit report --engine duckdb|postgres|clickhouse --db <file or URL> --currency USD [--table subscriptions]
               [--fx-table fx] [--from …] [--to …] [--format …]

Prints the monthly metrics of canonical CSV exports (header row, UTF-8, comma separated, RFC 4180
quoting; columns as in docs/metrics.md section 1).

Input:
  --subscriptions <file>  subscription lines (required unless --sample)
  --customers <file>      customers; unknown columns become attributes
  --nps <file>            NPS responses
  --tickets <file>        support tickets
  --csat <file>           CSAT answers (date,score 1-5; the csat.csv of 'cskit sync zendesk')
  --fx <file>             exchange rates (date,currency,rate) to the reporting currency
  --sample                use the built-in sample company instead of files

Report:
  --from <YYYY-MM>        first month printed (default: the first month with an active line)
  --to <YYYY-MM>          last month printed (default: the month of the latest date in the input)
                          All history is used for the computation; --from and --to only select months.
  --currency <CODE>       reporting currency (default: the only currency of the subscriptions; with
                          several, --fx is required and the default is the one the rates convert to)
  --time-zone <IANA>      zone of timestamps without an offset (default: UTC)
  --format <f>            json, table or csv (default: table on a terminal, json otherwise)
  --on-error <mode>       throw (default): any invalid record stops the report, exit status 1;
                          skip: invalid records are left out and listed on stderr, exit status 0

In a database (--engine, docs/warehouse.md): the report is computed by SQL inside DuckDB (a file,
opened read only; needs @duckdb/node-api), Postgres (a URL; needs pg) or ClickHouse (an HTTP URL; needs
@clickhouse/client) from canonical tables or views; NPS and tickets are null there.

Errors go to stderr, one line each, naming file, row, field, value and reason.
Exit status: 0 success, 1 invalid input, 2 bad usage (unknown option, missing or malformed value,
a file that cannot be opened).
`;

/** `cskit health --help`. */
export const HEALTH_HELP = `Usage:
  cskit health --subscriptions subs.csv [--customers customers.csv] [--usage usage.csv] [--nps nps.csv]
               [--tickets tickets.csv] [--as-of 2024-12-31] [--model model.json | --sla-targets urgent=60]
               [--segments rules.json] [--currency USD] [--fx fx.csv] [--time-zone UTC]
               [--format json|table|csv] [--on-error throw|skip]
  cskit health --sample [--as-of …] [--model …] [--segments …] [--format …]

Scores every customer active on --as-of from 0 to 100 with the health model of docs/metrics.md
section 6: each factor's value is scaled to 0–100 and weighted; factors without data are missing and
the weights of the others are renormalised. Bands: red < 40 <= yellow < 70 <= green (or the model's).

Input:
  --subscriptions <file>  subscription lines (required unless --sample): MRR change, seats
  --customers <file>      customers: names and attributes for segments
  --usage <file>          usage events (customer_id,date,name,value,user_id): seat use, last use
  --nps <file>            NPS responses: the latest answer per customer
  --tickets <file>        support tickets: volume over 90 days
  --fx <file>             exchange rates (date,currency,rate) to the reporting currency
  --sample                use the built-in sample company instead of files (it has no usage events)

Health:
  --as-of <YYYY-MM-DD>    the day scored (default: the last day of the latest month in the input);
                          trend is the change since 30 days before
  --model <file.json>     a health model (factors, weights, scales, bands) instead of the default
  --sla-targets <p=min,…> first-response targets in minutes per ticket priority for the default
                          model's SLA factor, e.g. urgent=60,high=240 (without: the factor is missing)
  --segments <file.json>  segment rules, first match wins, instead of the default vip / potential /
                          core / secondary: {"rules": [{"segment": "large", "when": {"mrr":
                          {"atLeast": 1000}}}, {"segment": "other"}]}, or {"thresholds": {…}} for the
                          default rules with other thresholds (see docs/health.md)
  --currency <CODE>       reporting currency (default: the only currency of the subscriptions)
  --time-zone <IANA>      zone of timestamps without an offset (default: UTC)
  --format <f>            json, table or csv (default: table on a terminal, json otherwise)
  --on-error <mode>       throw (default): any invalid record stops the command, exit status 1;
                          skip: invalid records are left out and listed on stderr, exit status 0

Errors go to stderr, one line each, naming file, row, field, value and reason, or the model or rules
file and what is wrong with it.
Exit status: 0 success, 1 invalid input (a bad record, an invalid model or rules file), 2 bad usage
(unknown option, missing or malformed value, a file that cannot be opened).
`;

/** `cskit explain --help`. */
export const EXPLAIN_HELP = `Usage:
  cskit explain --month 2024-03 (--movement <kind> | --rate <name>)
                --subscriptions subs.csv [--customers customers.csv] [--currency USD] [--fx fx.csv]
                [--time-zone UTC] [--format json|table|csv] [--on-error throw|skip]
  cskit explain --sample --month … (--movement … | --rate …) [--format …]

Lists the customers behind one number of \`cskit report\` for one month, largest part first, with
their MRR before and after and the subscription lines that moved. The customers' amounts add up to
the number the report prints for that month. The JSON (version 1) is what <cs-customer-list> reads;
see docs/cli.md.

Input: the same files and options as cskit report (--subscriptions required unless --sample;
--customers, --nps, --tickets, --fx are read and checked like there).

Explain:
  --month <YYYY-MM>       the month (required)
  --movement <kind>       new, expansion, contraction, churn, reactivation, upsell or crossSell
  --rate <name>           logoChurnRate, grossMrrChurnRate, netMrrChurnRate, grr, nrr or quickRatio:
                          its numerator, denominator and the customers of each movement in it
  --currency <CODE>       reporting currency (default: the only currency of the subscriptions)
  --time-zone <IANA>      zone of timestamps without an offset (default: UTC)
  --format <f>            json, table or csv (default: table on a terminal, json otherwise)
  --on-error <mode>       throw (default) or skip, as in cskit report

Errors go to stderr, one line each, naming file, row, field, value and reason.
Exit status: 0 success, 1 invalid input, 2 bad usage (unknown option, missing or malformed value,
a file that cannot be opened).
`;

/** `cskit sync --help`. */
export const SYNC_HELP = `Usage:
  cskit sync stripe    --out DIR [--base-url URL] [--time-zone UTC]
  cskit sync zendesk   --out DIR --subdomain NAME [--base-url URL] [--time-zone UTC]
  cskit sync hubspot   --out DIR [--base-url URL] [--match domain|property:NAME] [--time-zone UTC]
  cskit sync delighted --out DIR [--base-url URL] [--time-zone UTC]
  cskit sync typeform  --out DIR --form ID [--base-url URL] [--time-zone UTC]
  cskit sync rest      --out DIR --config mapping.json [--base-url URL] [--time-zone UTC]
  cskit sync postgres  --out DIR [--mapping sql.json] [--time-zone UTC]
  cskit sync duckdb    --out DIR [--db FILE.duckdb] [--mapping sql.json] [--time-zone UTC]

Brings a source's data into canonical CSV files that 'cskit report' and 'cskit health' read as they are.

stripe     customers.csv and subscriptions.csv (one line per subscription item and price or quantity
           it had, rebuilt from invoices; trials as their own lines; mapping in docs/connectors.md)
           from the Stripe account of STRIPE_API_KEY.
zendesk    tickets.csv (created, first reply, solved, priority, satisfaction) and csat.csv (the
           satisfaction ratings; mapping in docs/connectors.md) from the Zendesk account NAME.zendesk.com.
hubspot    customers.csv (companies' industry, size, country, region, owner, keyed by --match),
           renewals.csv (renewal deals) and hubspot-unmatched.csv (companies without the key).
delighted  nps.csv from the survey responses of the Delighted NPS project of DELIGHTED_API_KEY.
typeform   nps.csv from the NPS question of the Typeform form ID.
rest       nps.csv, csat.csv, tickets.csv or customers.csv from any JSON/REST API, as mapping.json
           describes it (URL, auth variable, a path per field, pagination; docs/connectors.md).
postgres   customers.csv, subscriptions.csv, tickets.csv, nps.csv, csat.csv … from the tables named
duckdb     like them (customers, subscriptions, …) or from the tables, queries and (duckdb) CSV/Parquet
           files of --mapping; every record is checked before any file is written (docs/connectors.md).

Options:
  --out <dir>          directory for the CSV files and the state file (created if missing)
  --base-url <url>     a server that speaks the source's API (default: https://api.stripe.com,
                       https://NAME.zendesk.com, https://api.hubapi.com, https://api.delighted.com,
                       https://api.typeform.com, the origin of the mapping's request.url)
  --time-zone <IANA>   zone timestamps become dates in (default: UTC): Stripe's, Zendesk's CSAT dates,
                       survey answers' dates; SQL: TIMESTAMP without time zone is a wall-clock time there
  --subdomain <name>   the Zendesk account, NAME.zendesk.com (zendesk only; not needed with --base-url)
  --match <key>        hubspot only: domain (default; customer_id = the company's domain) or
                       property:NAME (customer_id = that property, e.g. property:stripe_customer_id)
  --form <id>          the Typeform form, the end of its URL .../to/ID (typeform only)
  --config <file>      the REST mapping (rest only)
  --mapping <file>     JSON: where each entity comes from, e.g. {"subscriptions": {"table": "billing.lines",
                       "columns": {"amount": "price"}}, "nps": {"file": "nps.parquet"}} (postgres, duckdb)
  --db <file>          the DuckDB database file, opened read-only (duckdb; default: in memory, for files)

Environment:
  STRIPE_API_KEY       a secret key, or a restricted key that may read customers, subscriptions,
                       invoices, prices and events.
  ZENDESK_EMAIL        the email of a Zendesk admin (the incremental export is admin-only), and
  ZENDESK_API_TOKEN    an API token of the account (Admin Center > Apps and integrations > Zendesk API).
  HUBSPOT_ACCESS_TOKEN a private app's token with crm.objects.companies.read and crm.objects.deals.read.
  DELIGHTED_API_KEY    the API key of a Delighted NPS project (Settings > API).
  TYPEFORM_TOKEN       a Typeform personal access token with the responses:read scope.
  (rest)               the variable the mapping's request.auth.env names.
  DATABASE_URL         postgres://user:password@host:5432/database, or else PGHOST, PGPORT, PGUSER,
                       PGPASSWORD and PGDATABASE.
                       Keys are read from the environment only, and never printed or saved.

Every page is checkpointed in DIR/<source>-sync-state.json: a sync that was stopped (Ctrl-C, a crash, a
lost connection) resumes where it stopped when run again with the same --out, and ends with the same
files as an uninterrupted one. After a finished sync, the next stripe run reads Stripe's events since
(listing everything again when its checkpoint is over 30 days old) and the next zendesk run exports the
tickets changed since (with an hour's lookback); either merges the changes in. The next hubspot,
delighted, typeform or rest run lists everything again, keeping a record listed twice once (by its id).
Progress goes to stderr. 429s and 5xx are retried with backoff, honouring Retry-After.
postgres and duckdb read every entity in one go and replace the files only when all records are valid.
Exit status: 0 synced, 1 the key was refused, a record could not be mapped or the API (or database)
kept failing, 2 bad usage (unknown option, missing --out, --subdomain, --form, --config or a variable
above, a bad --match).
`;

/** `cskit merge --help`. */
export const MERGE_HELP = `Usage:
  cskit merge --out DIR --subscriptions F [--customers F] [--crm-customers F] [--renewals F]
              [--tickets F] [--csat F] [--nps F] [--map F] [--same-ids crm,support,surveys]

Merges canonical files of several sources into one set keyed by the billing customer ids, which
'cskit report' and 'cskit health' read as they are. Nothing is dropped silently: records of a source
whose customer matches no billing customer are left out of DIR and listed, whole, in
DIR/merge-report.json, with the reason; so are billing customers no CRM record matches.

Files:
  --subscriptions, --customers  billing (e.g. cskit sync stripe): their customer_id is the dataset's
  --crm-customers, --renewals   CRM (e.g. cskit sync hubspot): attributes join the billing customer;
                                where both have a different value, billing's is kept (reported)
  --tickets, --csat             support (e.g. cskit sync zendesk: customer_id is the organization id)
  --nps                         surveys
  --map <file.csv>              columns source,source_id,customer_id: source is crm, support or
                                surveys, source_id its customer id, customer_id the billing id
  --same-ids <sides>            sides whose customer ids are billing ids already (e.g. crm when
                                synced with --match property:stripe_customer_id)
  --out <dir>                   where the merged files and merge-report.json go (created if missing)

Exit status: 0 merged (unmatched records are reported on stderr and in the report), 1 a file or the
map has bad rows, 2 bad usage.
`;

/** `cskit sql --help`. */
export const SQL_HELP = `Usage:
  cskit sql --dialect duckdb|postgres|clickhouse|bigquery|snowflake --query months|cohorts --currency USD
            [--subscriptions-table subscriptions] [--fx-table fx] [--from YYYY-MM] [--to YYYY-MM]

Prints one SELECT computing the revenue report of docs/metrics.md inside a warehouse, from the canonical
tables of docs/warehouse.md (or your views onto them). months: one row per month from --from to --to;
cohorts: one row per cohort and age. Money in major units rounded half-to-even, ratios unrounded, NULL
where the report has null: the numbers of cskit report.

Exit status: 0 printed, 2 bad usage.
`;
