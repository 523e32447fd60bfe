/**
 * A small protocol-buffers encoder: enough of the wire format to write ONNX files.
 * Wire types (https://protobuf.dev/programming-guides/encoding/): 0 varint, 1 fixed64,
 * 2 length-delimited (strings, bytes, sub-messages, packed repeated scalars), 5 fixed32.
 *
 * Sub-messages are written without copying their bytes: `message(field, build)` encodes the child
 * into its own writer and appends its chunks after the length prefix; `finish()` concatenates once.
 *
 * @example
 * const w = new ProtoWriter();
 * w.int64(1, 8).string(2, 'dlkit').message(7, (g) => g.string(2, 'graph'));
 * const bytes = w.finish();
 */
export enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

const TWO_POW_64 = 1n << 64n;

export class ProtoWriter {
  private chunks: Uint8Array[] = [];
  private scratch: number[] = [];
  /** Total number of bytes written so far. */
  length = 0;

  /** Field key: (field number << 3) | wire type, as a varint. */
  tag(field: number, wire: WireType): this {
    if (!Number.isInteger(field) || field < 1 || field > 0x1fffffff)
      throw new Error(`invalid protobuf field number ${field}`);
    return this.varint(field * 8 + wire);
  }

  /**
   * Base-128 varint, least significant group first. Negative int32/int64 values are written as their
   * 64-bit two's complement (10 bytes), as protobuf does for `int64` fields.
   */
  varint(value: number | bigint): this {
    let v: bigint | number = value;
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`varint must be an integer, got ${v}`);
      if (v >= 0 && v <= Number.MAX_SAFE_INTEGER) return this.varintNumber(v);
      v = BigInt(v);
    }
    if (v < 0n) v += TWO_POW_64;
    if (v < 0n || v >= TWO_POW_64) throw new Error(`varint out of 64-bit range: ${value}`);
    const bytes = this.scratch;
    bytes.length = 0;
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v > 0n);
    return this.push(Uint8Array.from(bytes));
  }

  private varintNumber(v: number): this {
    const bytes = this.scratch;
    bytes.length = 0;
    // Division instead of >>> keeps values above 2^32 exact (up to 2^53).
    while (v > 0x7f) {
      bytes.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
    return this.push(Uint8Array.from(bytes));
  }

  /** Little-endian IEEE-754 single (wire type 5 payload). */
  fixed32Float(value: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    return this.push(b);
  }

  /** Little-endian IEEE-754 double (wire type 1 payload). */
  fixed64Double(value: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, value, true);
    return this.push(b);
  }

  /** Raw bytes, no prefix. */
  raw(bytes: Uint8Array): this {
    return this.push(bytes);
  }

  // ---- field helpers: tag + payload ----

  int64(field: number, value: number | bigint): this {
    return this.tag(field, WireType.Varint).varint(value);
  }

  int32(field: number, value: number): this {
    return this.int64(field, value);
  }

  float(field: number, value: number): this {
    return this.tag(field, WireType.Fixed32).fixed32Float(value);
  }

  double(field: number, value: number): this {
    return this.tag(field, WireType.Fixed64).fixed64Double(value);
  }

  bytes(field: number, value: Uint8Array): this {
    return this.tag(field, WireType.LengthDelimited).varint(value.length).push(value);
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** Embedded message: `build` writes the child's fields; the child is length-prefixed. */
  message(field: number, build: (w: ProtoWriter) => void): this {
    const child = new ProtoWriter();
    build(child);
    this.tag(field, WireType.LengthDelimited).varint(child.length);
    for (const c of child.chunks) this.push(c);
    return this;
  }

  /** Packed repeated varints (int32/int64): one length-delimited field holding all values. */
  packedVarints(field: number, values: ArrayLike<number | bigint>): this {
    if (values.length === 0) return this;
    const child = new ProtoWriter();
    for (let i = 0; i < values.length; i++) child.varint(values[i]);
    this.tag(field, WireType.LengthDelimited).varint(child.length);
    for (const c of child.chunks) this.push(c);
    return this;
  }

  /** Packed repeated floats: length-delimited little-endian float32 values. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    if (values.length === 0) return this;
    const b = new Uint8Array(values.length * 4);
    const view = new DataView(b.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    return this.bytes(field, b);
  }

  /** All bytes written, as one array. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }

  private push(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.length += bytes.length;
    return this;
  }
}
