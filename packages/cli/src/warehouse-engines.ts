import type { RunQuery, SqlValue } from '@cskit/warehouse';
import { UsageError } from './usage-error.js';

/** The engines `cskit report --engine` runs the report in. */
export const WAREHOUSE_ENGINES = ['duckdb', 'postgres', 'clickhouse'] as const;
export type WarehouseEngine = (typeof WAREHOUSE_ENGINES)[number];

/** A connection `cskit report --engine` runs its two queries on, then closes. */
export interface EngineConnection {
  readonly run: RunQuery;
  close(): Promise<void>;
}

type Row = Record<string, SqlValue>;

// Each client is an optional peer dependency, loaded only when its engine is asked for.
async function load<T>(name: string, engine: WarehouseEngine): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new UsageError(`--engine ${engine} needs the package ${name}: install it next to @cskit/cli`);
  }
}

interface DuckDbModule {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{
      connect(): Promise<{ runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): unknown[] }>; closeSync(): void }>;
      closeSync(): void;
    }>;
  };
}

interface PgModule {
  default: { Client: new (options: { connectionString: string }) => PgClient };
}
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}

interface ClickHouseModule {
  createClient(options: { url: string; log?: { level: number } }): {
    query(options: { query: string; format: 'JSONEachRow' }): Promise<{ json<T>(): Promise<T> }>;
    close(): Promise<void>;
  };
}

/**
 * Opens `db` with the engine's client: a DuckDB file (read only), a Postgres URL (`pg`) or a ClickHouse
 * HTTP URL (`@clickhouse/client`).
 *
 * @throws UsageError when the client package is not installed.
 */
export async function connectEngine(engine: WarehouseEngine, db: string): Promise<EngineConnection> {
  switch (engine) {
    case 'duckdb': {
      const { DuckDBInstance } = await load<DuckDbModule>('@duckdb/node-api', engine);
      const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
      const connection = await instance.connect();
      return {
        run: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[],
        close: async () => {
          connection.closeSync();
          instance.closeSync();
        },
      };
    }
    case 'postgres': {
      const pg = await load<PgModule>('pg', engine);
      const client = new pg.default.Client({ connectionString: db });
      await client.connect();
      return { run: async (sql) => (await client.query(sql)).rows, close: () => client.end() };
    }
    case 'clickhouse': {
      const { createClient } = await load<ClickHouseModule>('@clickhouse/client', engine);
      // The client's own logger would print each failed query's stack to the console as well; cskit
      // reports the error itself. 127 is ClickHouseLogLevel.OFF (the module is only loaded here).
      const client = createClient({ url: db, log: { level: 127 } });
      return {
        run: async (sql) => (await client.query({ query: sql, format: 'JSONEachRow' })).json<Row[]>(),
        close: () => client.close(),
      };
    }
  }
}
