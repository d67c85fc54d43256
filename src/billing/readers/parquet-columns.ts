import type {
  AsyncBuffer,
  ColumnMetaData,
  Compressors,
  DecodedArray,
  FileMetaData,
  ParquetParsers,
  RowGroup,
  SchemaElement,
  SchemaTree,
} from 'hyparquet';
import type { ColumnDecoder, DataPage, DataPageHeader } from 'hyparquet/src/types.js';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getMaxRepetitionLevel } from 'hyparquet/src/schema.js';
import { ScaledCell } from '../formats/cells.js';
import { normalize, parseAmount, SCALE } from '../money.js';

/**
 * A column-at-a-time Parquet reader for the shapes billing exports use: flat columns of
 * strings, numbers, decimals and timestamps, and `MAP<string, string>` tag columns. It decodes
 * pages with hyparquet's page decoders but assembles rows itself: a tag map becomes one shared
 * object per distinct set of pairs (not one object per row), a decimal its exact scaled
 * amount, a timestamp its UTC day. Columns of any other shape are left to hyparquet's general
 * reader (`planColumns` returns null).
 */

type LeafKind = 'string' | 'decimal' | 'day' | 'raw';

interface LeafPlan {
  readonly path: readonly string[];
  readonly decoder: ColumnDecoder;
  readonly convert: (value: unknown) => unknown;
  readonly maxDefinition: number;
}

/** How one top-level column is read: a flat leaf, or the key and value leaves of a map. */
export type ColumnPlan =
  | { readonly kind: 'flat'; readonly leaf: LeafPlan }
  | { readonly kind: 'map'; readonly key: LeafPlan; readonly value: LeafPlan };

const textDecoder = new TextDecoder();

/**
 * Plans the reading of top-level `names`; null when one has a shape this reader does not
 * handle (lists, structs, INT96 timestamps...), and the caller falls back.
 */
export function planColumns(
  schema: SchemaTree,
  names: readonly string[],
  compressors: Compressors,
): ColumnPlan[] | null {
  const plans: ColumnPlan[] = [];
  for (const name of names) {
    const node = schema.children.find((child) => child.element.name === name);
    if (!node) return null;
    const plan = planColumn(schema, node, compressors);
    if (plan === null) return null;
    plans.push(plan);
  }
  return plans;
}

function planColumn(schema: SchemaTree, node: SchemaTree, compressors: Compressors) {
  if (node.children.length === 0) {
    const leaf = planLeaf([schema, node], compressors);
    return leaf && { kind: 'flat' as const, leaf };
  }
  const entries = node.children[0];
  const [keyNode, valueNode] = entries?.children ?? [];
  if (
    node.children.length !== 1 ||
    entries?.element.repetition_type !== 'REPEATED' ||
    entries.children.length !== 2 ||
    !keyNode ||
    !valueNode ||
    keyNode.children.length > 0 ||
    valueNode.children.length > 0
  ) {
    return null;
  }
  const key = planLeaf([schema, node, entries, keyNode], compressors);
  const value = planLeaf([schema, node, entries, valueNode], compressors);
  if (key?.decoder.type !== 'BYTE_ARRAY' || value === null) return null;
  return { kind: 'map' as const, key, value };
}

function planLeaf(schemaPath: SchemaTree[], compressors: Compressors): LeafPlan | null {
  const node = schemaPath[schemaPath.length - 1];
  if (!node?.element.type) return null;
  const kind = leafKind(node.element);
  if (kind === null) return null;
  return {
    path: schemaPath.slice(1).map((entry) => entry.element.name),
    decoder: {
      pathInSchema: schemaPath.slice(1).map((entry) => entry.element.name),
      type: node.element.type,
      element: node.element,
      schemaPath,
      codec: 'UNCOMPRESSED',
      parsers: {} as ParquetParsers,
      compressors,
    },
    convert: converter(kind, node.element),
    maxDefinition: getMaxDefinitionLevel(schemaPath),
  };
}

function leafKind(element: SchemaElement): LeafKind | null {
  const logical = element.logical_type?.type;
  if (element.converted_type === 'DECIMAL' || logical === 'DECIMAL') return 'decimal';
  if (element.type === 'INT96') return null;
  if (
    logical === 'TIMESTAMP' ||
    logical === 'DATE' ||
    element.converted_type === 'TIMESTAMP_MILLIS' ||
    element.converted_type === 'TIMESTAMP_MICROS' ||
    element.converted_type === 'DATE'
  ) {
    return 'day';
  }
  if (element.type === 'BYTE_ARRAY') {
    const text = element.converted_type === 'UTF8' || logical === 'STRING' || logical === 'JSON';
    return text || element.converted_type === undefined ? 'string' : null;
  }
  if (element.type === 'FIXED_LEN_BYTE_ARRAY') return null;
  return 'raw';
}

function converter(kind: LeafKind, element: SchemaElement): (value: unknown) => unknown {
  if (kind === 'string') return (value) => textDecoder.decode(value as Uint8Array);
  if (kind === 'decimal') return decimalConverter(element.scale ?? 0);
  if (kind === 'day') return dayConverter(element);
  return (value) => value;
}

/**
 * A DECIMAL's unscaled integer (INT32, INT64, or big-endian two's complement bytes) to scaled
 * units, exactly; digits past `SCALE` are rounded half to even.
 */
function decimalConverter(scale: number): (value: unknown) => ScaledCell | null {
  const unscaled = (value: unknown): number | bigint =>
    value instanceof Uint8Array ? bigIntOfBytes(value) : (value as number | bigint);
  if (scale > SCALE) {
    return (value) => {
      const amount = parseAmount(`${String(unscaled(value))}e-${scale}`);
      return amount === null ? null : new ScaledCell(amount);
    };
  }
  const factor = 10 ** (SCALE - scale);
  const bigFactor = BigInt(factor);
  return (value) => {
    const raw = unscaled(value);
    if (typeof raw === 'bigint') {
      // An INT64 decimal usually fits a double exactly; only a larger one needs bigint math.
      const small = Number(raw);
      const scaled = small * factor;
      if (Number.isSafeInteger(small) && Number.isSafeInteger(scaled))
        return new ScaledCell(scaled);
    }
    if (typeof raw === 'number') {
      const scaled = raw * factor;
      if (Number.isSafeInteger(scaled)) return new ScaledCell(scaled);
      return new ScaledCell(normalize(BigInt(raw) * bigFactor));
    }
    return new ScaledCell(normalize(raw * bigFactor));
  };
}

function bigIntOfBytes(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const negative = bytes.length > 0 && ((bytes[0] ?? 0) & 0x80) !== 0;
  return negative ? value - (1n << BigInt(bytes.length * 8)) : value;
}

const MS_PER_DAY = 86_400_000;

function dayConverter(element: SchemaElement): (value: unknown) => string | null {
  const logical = element.logical_type;
  const unit =
    logical?.type === 'TIMESTAMP'
      ? logical.unit
      : element.converted_type === 'TIMESTAMP_MICROS'
        ? 'MICROS'
        : 'MILLIS';
  const isDate = logical?.type === 'DATE' || element.converted_type === 'DATE';
  const perDay = isDate
    ? 1
    : unit === 'NANOS'
      ? MS_PER_DAY * 1_000_000
      : unit === 'MICROS'
        ? MS_PER_DAY * 1000
        : MS_PER_DAY;
  const days = new Map<number, string>();
  return (value) => {
    const count = typeof value === 'bigint' ? Number(value) : Number(value);
    if (!Number.isFinite(count)) return null;
    const dayNumber = Math.floor(count / perDay);
    let text = days.get(dayNumber);
    if (text === undefined) {
      text = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
      days.set(dayNumber, text);
    }
    return text;
  };
}

/** A leaf column chunk decoded: present values in order, and its levels (one per slot). */
interface LeafData {
  readonly values: unknown[];
  readonly count: number;
  readonly definitionLevels: Uint8Array;
  readonly repetitionLevels: Uint8Array;
  /** Dictionary index of each present value; null when a page was not dictionary-encoded. */
  readonly ids: Int32Array | null;
  readonly dictionary: readonly unknown[] | undefined;
}

/**
 * One used column of a row group: a cell per row and, when every value came from a dictionary
 * (or the column is a tag map), the id of each row's distinct value (-1 for null), so a caller
 * can work per distinct value: `distinct[id]` is the cell.
 */
export interface GroupColumn {
  readonly cells: unknown[];
  readonly ids: Int32Array | null;
  readonly distinct: readonly unknown[];
}

/** A growing list that is written by index, so no push grows it step by step. */
interface Filled<T> {
  readonly items: T;
  length: number;
}

/**
 * Reads the used columns of one row group; each result has one cell per row: the value, a
 * tag object (shared between rows with the same pairs), or null.
 */
export async function readRowGroupColumns(
  file: AsyncBuffer,
  metadata: FileMetaData,
  group: number,
  plans: readonly ColumnPlan[],
): Promise<unknown[][]> {
  const columns = await readRowGroup(file, metadata, group, plans);
  return columns.map((column) => column.cells);
}

/** Like `readRowGroupColumns`, with the distinct-value ids of each column. */
export async function readRowGroup(
  file: AsyncBuffer,
  metadata: FileMetaData,
  group: number,
  plans: readonly ColumnPlan[],
): Promise<GroupColumn[]> {
  const rowGroup = metadata.row_groups[group];
  if (!rowGroup) throw new Error(`row group ${group} is missing`);
  const rows = Number(rowGroup.num_rows);
  const columns: GroupColumn[] = [];
  for (const plan of plans) {
    if (plan.kind === 'flat') {
      columns.push(flatColumn(await readLeaf(file, rowGroup, plan.leaf), plan.leaf, rows));
    } else {
      const keys = await readLeaf(file, rowGroup, plan.key);
      const values = await readLeaf(file, rowGroup, plan.value);
      columns.push(mapCells(keys, values, plan, rows));
    }
  }
  return columns;
}

async function readLeaf(file: AsyncBuffer, rowGroup: RowGroup, plan: LeafPlan): Promise<LeafData> {
  const wanted = plan.path.join('\u0001');
  const chunk = rowGroup.columns.find(
    (column) => column.meta_data?.path_in_schema.join('\u0001') === wanted,
  )?.meta_data;
  if (!chunk) throw new Error(`column ${plan.path.join('.')} has no data in a row group`);
  const dictionaryOffset = chunk.dictionary_page_offset;
  const start = Number(
    dictionaryOffset !== undefined &&
      dictionaryOffset > 0n &&
      dictionaryOffset < chunk.data_page_offset
      ? dictionaryOffset
      : chunk.data_page_offset,
  );
  const bytes = await file.slice(start, start + Number(chunk.total_compressed_size));
  return decodeChunk(bytes, chunk, { ...plan.decoder, codec: chunk.codec }, plan);
}

function decodeChunk(
  bytes: ArrayBuffer,
  chunk: ColumnMetaData,
  decoder: ColumnDecoder,
  plan: LeafPlan,
): LeafData {
  const reader = { view: new DataView(bytes), offset: 0 };
  const total = Number(chunk.num_values);
  const repeated = getMaxRepetitionLevel(decoder.schemaPath) > 0;
  const buffers = leafBuffers(plan, total);
  const values: Filled<unknown[]> = { items: buffers.values, length: 0 };
  const definitionLevels: Filled<Uint8Array> = {
    items: buffers.definitions.subarray(0, total).fill(0),
    length: 0,
  };
  const repetitionLevels: Filled<Uint8Array> = {
    items: buffers.repetitions.subarray(0, repeated ? total : 0).fill(0),
    length: 0,
  };
  let dictionary: unknown[] | undefined;
  let slots = 0;
  const ids = buffers.ids.subarray(0, total);
  let idsComplete = true;

  while (slots < total && reader.offset < bytes.byteLength) {
    const header = parquetHeader(reader);
    const compressed = new Uint8Array(bytes, reader.offset, header.compressed_page_size);
    reader.offset += header.compressed_page_size;

    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(
        compressed,
        header.uncompressed_page_size,
        decoder.codec,
        decoder.compressors,
      );
      const count = header.dictionary_page_header?.num_values ?? 0;
      const pageReader = {
        view: new DataView(page.buffer, page.byteOffset, page.byteLength),
        offset: 0,
      };
      const raw = readPlain(pageReader, decoder.type, count, decoder.element.type_length);
      dictionary = Array.from(raw as ArrayLike<unknown>, plan.convert);
      continue;
    }

    let data: DataPage;
    let encoding: string;
    let slotCount: number;
    if (header.type === 'DATA_PAGE' && header.data_page_header) {
      const daph = header.data_page_header;
      const page = decompressPage(
        compressed,
        header.uncompressed_page_size,
        decoder.codec,
        decoder.compressors,
      );
      if (FAST_ENCODINGS.has(daph.encoding)) {
        const target = { values, definitionLevels, repetitionLevels, ids };
        if (daph.encoding === 'PLAIN') idsComplete = false;
        decodePageV1(page, daph, decoder, plan, target, dictionary, repeated);
        slots += daph.num_values;
        continue;
      }
      data = readDataPage(page, daph, decoder);
      encoding = daph.encoding;
      slotCount = daph.num_values;
    } else if (header.type === 'DATA_PAGE_V2' && header.data_page_header_v2) {
      data = readDataPageV2(compressed, header, decoder);
      encoding = header.data_page_header_v2.encoding;
      slotCount = header.data_page_header_v2.num_values;
    } else {
      continue;
    }

    idsComplete = false;
    appendValues(values, data.dataPage, encoding, dictionary, plan.convert);
    appendLevels(definitionLevels, data.definitionLevels ?? [], slotCount, plan.maxDefinition);
    if (repeated) appendLevels(repetitionLevels, data.repetitionLevels, slotCount, 0);
    slots += slotCount;
  }
  return {
    values: values.items,
    count: values.length,
    definitionLevels: definitionLevels.items.subarray(0, definitionLevels.length),
    repetitionLevels: repetitionLevels.items.subarray(0, repetitionLevels.length),
    ids: idsComplete ? ids.subarray(0, values.length) : null,
    dictionary,
  };
}

/** Level and id arrays of a leaf, reused from one row group to the next. */
interface LeafBuffers {
  definitions: Uint8Array;
  repetitions: Uint8Array;
  ids: Int32Array;
  values: unknown[];
  /** Distinct-value id and cell per row of a map or nullable column. */
  rowIds: Int32Array;
  rowCells: unknown[];
}

const leafBufferPool = new WeakMap<LeafPlan, LeafBuffers>();

/**
 * The reusable arrays of a leaf, grown to `total` slots. Reuse keeps typed arrays (memory
 * outside the JavaScript heap, freed only by a full collection) from piling up between
 * collections; what a row group's read returns is valid until the next read of that leaf.
 */
function leafBuffers(plan: LeafPlan, total: number): LeafBuffers {
  let buffers = leafBufferPool.get(plan);
  if (buffers === undefined) {
    buffers = {
      definitions: new Uint8Array(0),
      repetitions: new Uint8Array(0),
      ids: new Int32Array(0),
      values: [],
      rowIds: new Int32Array(0),
      rowCells: [],
    };
    leafBufferPool.set(plan, buffers);
  }
  if (buffers.ids.length < total) {
    buffers.definitions = new Uint8Array(total);
    buffers.repetitions = new Uint8Array(total);
    buffers.ids = new Int32Array(total);
    buffers.values = new Array<unknown>(total);
  }
  return buffers;
}

/** The leaf's per-row arrays, grown to `rows`. */
function rowBuffers(plan: LeafPlan, rows: number): LeafBuffers {
  const buffers = leafBuffers(plan, 0);
  if (buffers.rowIds.length < rows) {
    buffers.rowIds = new Int32Array(rows);
    buffers.rowCells = new Array<unknown>(rows);
  }
  return buffers;
}

/** Value encodings `decodePageV1` reads; others go through hyparquet's page reader. */
const FAST_ENCODINGS = new Set(['PLAIN', 'PLAIN_DICTIONARY', 'RLE_DICTIONARY']);

let indexScratch = new Int32Array(0);

/**
 * Decodes a version 1 data page straight into the chunk's buffers: levels into the level
 * arrays, dictionary indices into a reused scratch array, so a page allocates only its
 * values.
 */
function decodePageV1(
  page: Uint8Array,
  daph: DataPageHeader,
  decoder: ColumnDecoder,
  plan: LeafPlan,
  target: {
    values: Filled<unknown[]>;
    definitionLevels: Filled<Uint8Array>;
    repetitionLevels: Filled<Uint8Array>;
    ids: Int32Array;
  },
  dictionary: unknown[] | undefined,
  repeated: boolean,
): void {
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const reader = { view, offset: 0 };
  const count = daph.num_values;

  if (repeated) {
    const levels = levelSlice(target.repetitionLevels, count);
    readRleBitPackedHybrid(reader, bitWidth(getMaxRepetitionLevel(decoder.schemaPath)), levels);
  }
  const definitions = levelSlice(target.definitionLevels, count);
  let present = count;
  if (plan.maxDefinition > 0) {
    readRleBitPackedHybrid(reader, bitWidth(plan.maxDefinition), definitions);
    present = 0;
    for (let index = 0; index < count; index++) {
      if (definitions[index] === plan.maxDefinition) present++;
    }
  }

  const values = target.values;
  if (daph.encoding === 'PLAIN') {
    const raw = readPlain(reader, decoder.type, present, decoder.element.type_length);
    appendValues(values, raw, 'PLAIN', dictionary, plan.convert);
    return;
  }
  if (!dictionary) throw new Error('dictionary-encoded page without a dictionary');
  if (indexScratch.length < present) indexScratch = new Int32Array(present * 2);
  const indexes = indexScratch.subarray(0, present);
  const width = present > 0 ? view.getUint8(reader.offset++) : 0;
  if (width > 0) readRleBitPackedHybrid(reader, width, indexes, page.byteLength - reader.offset);
  else indexes.fill(0);
  const items = values.items;
  let at = values.length;
  target.ids.set(indexes, at);
  for (let index = 0; index < present; index++) items[at++] = dictionary[indexes[index] ?? 0];
  values.length = at;
}

function levelSlice(target: Filled<Uint8Array>, count: number): Uint8Array {
  if (target.length + count > target.items.length) {
    throw new Error('a column chunk holds more values than its metadata says');
  }
  const slice = target.items.subarray(target.length, target.length + count);
  target.length += count;
  return slice;
}

function bitWidth(value: number): number {
  return 32 - Math.clz32(value);
}

function appendValues(
  target: Filled<unknown[]>,
  page: DecodedArray,
  encoding: string,
  dictionary: unknown[] | undefined,
  convert: (value: unknown) => unknown,
): void {
  const source = page as ArrayLike<unknown>;
  const items = target.items;
  let at = target.length;
  if (encoding.endsWith('_DICTIONARY')) {
    if (!dictionary) throw new Error('dictionary-encoded page without a dictionary');
    for (let index = 0; index < source.length; index++) {
      items[at++] = dictionary[source[index] as number];
    }
  } else {
    for (let index = 0; index < source.length; index++) items[at++] = convert(source[index]);
  }
  target.length = at;
}

/** hyparquet leaves the levels empty when every slot is at the maximum; spell them out. */
function appendLevels(
  target: Filled<Uint8Array>,
  levels: readonly number[],
  count: number,
  max: number,
): void {
  if (target.length + count > target.items.length) {
    throw new Error('a column chunk holds more values than its metadata says');
  }
  if (levels.length === 0) target.items.fill(max, target.length, target.length + count);
  else target.items.set(levels, target.length);
  target.length += count;
}

function flatColumn(leaf: LeafData, plan: LeafPlan, rows: number): GroupColumn {
  const distinct = leaf.dictionary ?? [];
  if (leaf.count === rows) return { cells: leaf.values, ids: leaf.ids, distinct };
  const pooled = rowBuffers(plan, rows);
  const cells = pooled.rowCells;
  const ids = leaf.ids === null ? null : pooled.rowIds.subarray(0, rows);
  let next = 0;
  for (let row = 0; row < rows; row++) {
    if (leaf.definitionLevels[row] === plan.maxDefinition) {
      if (ids !== null) ids[row] = leaf.ids?.[next] ?? 0;
      cells[row] = leaf.values[next++];
    } else {
      if (ids !== null) ids[row] = -1;
      cells[row] = null;
    }
  }
  return { cells, ids, distinct };
}

interface TrieNode {
  readonly next: Map<unknown, Map<unknown, TrieNode>>;
  tags?: Readonly<Record<string, string>>;
  /** Index of `tags` in the column's distinct values. */
  id: number;
  /** Children by (key id, value id) when both leaves are dictionary-encoded. */
  byPair?: Map<number, TrieNode>;
}

/**
 * One tag object per row, built once per distinct sequence of pairs: rows walk a trie keyed
 * by the (shared, dictionary) key and value strings, so a row allocates nothing.
 */
function mapCells(
  keys: LeafData,
  values: LeafData,
  plan: Extract<ColumnPlan, { kind: 'map' }>,
  rows: number,
): GroupColumn {
  const pooled = rowBuffers(plan.key, rows);
  const cells = pooled.rowCells.fill(null, 0, rows);
  const ids = pooled.rowIds.subarray(0, rows).fill(-1);
  const distinct: Readonly<Record<string, string>>[] = [];
  const root: TrieNode = { next: new Map(), id: -1 };
  // Positions of the row's keys and values (-1: null value), turned into pairs only when a new
  // distinct map is met.
  const pairKeys: number[] = [];
  const pairValues: number[] = [];
  // With both leaves dictionary-encoded, a pair is one integer: one lookup per pair.
  const keyIds = keys.ids;
  const valueIds = values.ids;
  const valueSpan = (values.dictionary?.length ?? 0) + 1;
  let row = -1;
  let node = root;
  let keyIndex = 0;
  let valueIndex = 0;
  let open = false;

  const close = (): void => {
    if (open && row >= 0) {
      if (node.tags === undefined) {
        node.tags = tagObject(pairKeys, pairValues, keys.values, values.values);
        node.id = distinct.length;
        distinct.push(node.tags);
      }
      cells[row] = node.tags;
      ids[row] = node.id;
    }
    open = false;
  };

  for (let slot = 0; slot < keys.definitionLevels.length; slot++) {
    if ((keys.repetitionLevels[slot] ?? 0) === 0) {
      close();
      row++;
      node = root;
      pairKeys.length = 0;
      pairValues.length = 0;
      // A map that is present but empty sits one level below its entries.
      open = (keys.definitionLevels[slot] ?? 0) >= plan.key.maxDefinition - 1;
    }
    if (keys.definitionLevels[slot] !== plan.key.maxDefinition) continue;
    const keyAt = keyIndex++;
    const valueAt = values.definitionLevels[slot] === plan.value.maxDefinition ? valueIndex++ : -1;
    pairKeys.push(keyAt);
    pairValues.push(valueAt);
    if (keyIds !== null && valueIds !== null) {
      const pair =
        (keyIds[keyAt] ?? 0) * valueSpan + (valueAt < 0 ? 0 : (valueIds[valueAt] ?? 0) + 1);
      const byPair = (node.byPair ??= new Map());
      let child = byPair.get(pair);
      if (!child) {
        child = { next: new Map(), id: -1 };
        byPair.set(pair, child);
      }
      node = child;
      continue;
    }
    const key = keys.values[keyAt];
    const value = valueAt < 0 ? null : values.values[valueAt];
    let byValue = node.next.get(key);
    if (!byValue) {
      byValue = new Map();
      node.next.set(key, byValue);
    }
    let child = byValue.get(value);
    if (!child) {
      child = { next: new Map(), id: -1 };
      byValue.set(value, child);
    }
    node = child;
  }
  close();
  return { cells, ids, distinct };
}

function tagObject(
  pairKeys: readonly number[],
  pairValues: readonly number[],
  keys: readonly unknown[],
  values: readonly unknown[],
): Readonly<Record<string, string>> {
  const tags: Record<string, string> = {};
  for (let index = 0; index < pairKeys.length; index++) {
    const key = keys[pairKeys[index] ?? 0];
    const valueAt = pairValues[index] ?? -1;
    const value = valueAt < 0 ? null : values[valueAt];
    if (typeof key === 'string' && value !== null && value !== undefined) {
      tags[key] = typeof value === 'string' ? value : String(value);
    }
  }
  return Object.freeze(tags);
}
