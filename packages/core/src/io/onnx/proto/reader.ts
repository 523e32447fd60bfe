/**
 * A small protocol-buffers decoder, the mirror of `ProtoWriter`: reads fields one at a time and
 * skips the ones the caller does not know. Truncated or malformed input raises an error naming the
 * byte offset, never a silent partial result.
 *
 * @example
 * const r = new ProtoReader(bytes);
 * while (!r.done) {
 *   const { field, wire } = r.tag();
 *   if (field === 1) irVersion = r.varintNumber(); else r.skip(wire);
 * }
 */
import { WireType } from './writer';

export class ProtoReader {
  pos: number;
  private readonly end: number;
  private readonly view: DataView;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** Reads a field key; rejects field number 0 and unknown wire types (3/4 are deprecated groups). */
  tag(): { field: number; wire: WireType } {
    const at = this.pos;
    const key = this.varintNumber();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new Error(`invalid field number 0 at byte ${at}`);
    if (
      wire !== WireType.Varint &&
      wire !== WireType.Fixed64 &&
      wire !== WireType.LengthDelimited &&
      wire !== WireType.Fixed32
    ) {
      throw new Error(`unsupported wire type ${wire} for field ${field} at byte ${at}`);
    }
    return { field, wire };
  }

  /** A varint as a bigint (unsigned 64-bit). */
  varintBig(): bigint {
    let result = 0n;
    let shift = 0n;
    const start = this.pos;
    for (;;) {
      if (this.pos >= this.end) throw new Error(`truncated varint at byte ${start}`);
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7n;
      if (shift >= 70n) throw new Error(`varint longer than 10 bytes at byte ${start}`);
    }
    return result;
  }

  /** A varint as a number; fast path for values below 2^28, exact up to 2^53. */
  varintNumber(): number {
    const start = this.pos;
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 4; i++) {
      if (this.pos >= this.end) throw new Error(`truncated varint at byte ${start}`);
      const byte = this.buf[this.pos++];
      result += (byte & 0x7f) * mul;
      if ((byte & 0x80) === 0) return result;
      mul *= 128;
    }
    this.pos = start;
    const big = this.varintBig();
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`varint ${big} at byte ${start} exceeds 2^53`);
    return Number(big);
  }

  /** A signed int64/int32 field value (two's complement), as a number. */
  int64(): number {
    const start = this.pos;
    const big = BigInt.asIntN(64, this.varintBig());
    if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Error(`int64 ${big} at byte ${start} is outside the exact range of a number`);
    }
    return Number(big);
  }

  float(): number {
    this.need(4);
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** A length-delimited payload, as a view into the buffer (no copy). */
  bytes(): Uint8Array {
    const len = this.varintNumber();
    this.need(len);
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  string(): string {
    return new TextDecoder().decode(this.bytes());
  }

  /** A reader over an embedded message. */
  message(): ProtoReader {
    const len = this.varintNumber();
    this.need(len);
    const sub = new ProtoReader(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return sub;
  }

  /** Repeated int64 values, accepting both packed (wire 2) and unpacked (wire 0) encodings. */
  repeatedInt64(wire: WireType, into: number[]): void {
    if (wire === WireType.LengthDelimited) {
      const sub = this.message();
      while (!sub.done) into.push(sub.int64());
    } else {
      this.expectWire(wire, WireType.Varint);
      into.push(this.int64());
    }
  }

  /** Repeated floats, packed (wire 2) or unpacked (wire 5). */
  repeatedFloat(wire: WireType, into: number[]): void {
    if (wire === WireType.LengthDelimited) {
      const sub = this.message();
      while (!sub.done) into.push(sub.float());
    } else {
      this.expectWire(wire, WireType.Fixed32);
      into.push(this.float());
    }
  }

  /** Repeated doubles, packed (wire 2) or unpacked (wire 1). */
  repeatedDouble(wire: WireType, into: number[]): void {
    if (wire === WireType.LengthDelimited) {
      const sub = this.message();
      while (!sub.done) into.push(sub.double());
    } else {
      this.expectWire(wire, WireType.Fixed64);
      into.push(this.double());
    }
  }

  expectWire(actual: WireType, expected: WireType): void {
    if (actual !== expected) throw new Error(`wire type ${actual} where ${expected} was expected at byte ${this.pos}`);
  }

  /** Skips one field's payload of the given wire type. */
  skip(wire: WireType): void {
    switch (wire) {
      case WireType.Varint:
        this.varintBig();
        break;
      case WireType.Fixed64:
        this.need(8);
        this.pos += 8;
        break;
      case WireType.LengthDelimited:
        this.bytes();
        break;
      case WireType.Fixed32:
        this.need(4);
        this.pos += 4;
        break;
      default:
        throw new Error(`cannot skip wire type ${wire} at byte ${this.pos}`);
    }
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new Error(`truncated: ${n} bytes needed at byte ${this.pos}, only ${this.end - this.pos} left`);
    }
  }
}
