/**
 * What cskit reads of an Apache Arrow table: a structural type, so that `@cskit/connectors` needs no
 * `apache-arrow` at run time. A `Table` of `apache-arrow` (tested with 21) is one, whichever
 * copy of the library made it: yours, DuckDB-WASM's, or one decoded from IPC or Parquet bytes.
 */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  /** The column of that name (the first, if several have it), or `null`. */
  getChild(name: string): ArrowVectorLike | null;
}

/** A column: its chunks, one per record batch. */
export interface ArrowVectorLike {
  readonly data: readonly ArrowDataLike[];
}

/**
 * The data type of a chunk, as Arrow JS describes it: `typeId` is Arrow's `Type` (format/Schema.fbs),
 * and each type brings its parameters.
 */
export interface ArrowTypeLike {
  readonly typeId: number;
  toString(): string;
  /** Int: 8, 16, 32 or 64; Decimal: 32, 64, 128 or 256. */
  readonly bitWidth?: number;
  /** Float: 0 half, 1 single, 2 double. */
  readonly precision?: number;
  /** Decimal: digits after the point (negative: zeros before it). */
  readonly scale?: number;
  /** Date: 0 day, 1 millisecond. Timestamp: 0 second, 1 millisecond, 2 microsecond, 3 nanosecond. */
  readonly unit?: number;
  /** Timestamp: the zone of an instant; `null` or empty for a wall-clock time. */
  readonly timezone?: string | null;
}

/**
 * One chunk of a column in Arrow JS's layout: fixed-width `values` start at the chunk's first element;
 * the validity bitmap and Bool's bits are indexed from `offset`; UTF-8 bytes are indexed through
 * `valueOffsets`, which start at the chunk's first element.
 */
export interface ArrowDataLike {
  readonly type: ArrowTypeLike;
  readonly length: number;
  readonly offset: number;
  readonly nullCount: number;
  /** Validity bits (1 = valid), from bit `offset`; may be empty when no value is null. */
  readonly nullBitmap: Uint8Array | null | undefined;
  readonly values: ArrayLike<number> | ArrayLike<bigint>;
  readonly valueOffsets?: ArrayLike<number> | ArrayLike<bigint> | null;
  /** Dictionary: the values the indices in `values` point at. */
  readonly dictionary?: ArrowVectorLike | null;
}

/** Arrow's `Type` ids (format/Schema.fbs, as Arrow JS numbers them) of the types cskit reads. */
export const ARROW_TYPE = {
  Dictionary: -1,
  Null: 1,
  Int: 2,
  Float: 3,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Timestamp: 10,
  LargeUtf8: 20,
} as const;
