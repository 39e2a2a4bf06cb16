/** `cskit --help`. */
export const MAIN_HELP = `Usage: cskit <command> [options]

Customer-success metrics from your own CSV exports (https://github.com/cskit/cskit).

Commands:
  report     MRR, movements, churn, retention, cohorts, NPS and support times per month

Options:
  -h, --help     show this help (cskit report --help for the command's options)
  -v, --version  print the version

Exit status: 0 success, 1 invalid input, 2 bad usage.
`;

/** `cskit report --help`. */
export const REPORT_HELP = `Usage:
  cskit report --subscriptions subs.csv [--customers customers.csv] [--nps nps.csv] [--tickets tickets.csv]
               [--from 2024-01] [--to 2024-12] [--currency USD] [--fx fx.csv] [--time-zone UTC]
               [--format json|table|csv] [--on-error throw|skip]
  cskit report --sample [--from …] [--to …] [--format …]

Prints the monthly metrics of canonical CSV exports (header row, UTF-8, comma separated, RFC 4180
quoting; columns as in docs/metrics.md section 1).

Input:
  --subscriptions <file>  subscription lines (required unless --sample)
  --customers <file>      customers; unknown columns become attributes
  --nps <file>            NPS responses
  --tickets <file>        support tickets
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

Errors go to stderr, one line each, naming file, row, field, value and reason.
Exit status: 0 success, 1 invalid input, 2 bad usage (unknown option, missing or malformed value,
a file that cannot be opened).
`;
