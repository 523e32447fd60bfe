/**
 * The protobuf writer/reader against byte sequences from the protobuf encoding guide
 * (https://protobuf.dev/programming-guides/encoding/), and ONNX messages round-tripped through
 * encodeModel/decodeModel.
 */
import { decodeModel } from './decode';
import { encodeModel } from './encode';
import { AttributeType, DataType, ModelProto, tensorToFloat32, tensorToNumbers } from './onnx-types';
import { ProtoReader } from './reader';
import { ProtoWriter, WireType } from './writer';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('ProtoWriter', () => {
  it('encodes the guide examples: field 1 = 150 → 08 96 01, field 2 = "testing" → 12 07 ...', () => {
    expect(hex(new ProtoWriter().int64(1, 150).finish())).toBe('089601');
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
  });
  it("encodes varints: 0, 1, 127, 128, 300, 2^32, 2^53 - 1, and negatives as 10-byte two's complement", () => {
    const v = (x: number | bigint): string => hex(new ProtoWriter().varint(x).finish());
    expect(v(0)).toBe('00');
    expect(v(1)).toBe('01');
    expect(v(127)).toBe('7f');
    expect(v(128)).toBe('8001');
    expect(v(300)).toBe('ac02');
    expect(v(2 ** 32)).toBe('8080808010');
    expect(v(Number.MAX_SAFE_INTEGER)).toBe('ffffffffffffff0f');
    expect(v(-1)).toBe('ffffffffffffffffff01');
    expect(v(-2n)).toBe('feffffffffffffffff01');
    expect(v((1n << 64n) - 1n)).toBe('ffffffffffffffffff01');
    expect(() => new ProtoWriter().varint(1.5)).toThrow(/integer/);
    expect(() => new ProtoWriter().varint(1n << 64n)).toThrow(/64-bit/);
  });
  it('writes fixed32 floats little-endian and packed repeated fields as one length-delimited field', () => {
    // 1.0f = 0x3f800000 → 00 00 80 3f; key for field 2 wire 5 = 0x15.
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('150000803f');
    // Guide: field 4 packed [3, 270, 86942] → 22 06 03 8e 02 9e a7 05.
    expect(hex(new ProtoWriter().packedVarints(4, [3, 270, 86942]).finish())).toBe('2206038e029ea705');
    expect(hex(new ProtoWriter().message(3, (w) => w.int64(1, 150)).finish())).toBe('1a03089601');
  });
});

describe('ProtoReader', () => {
  it('reads back what the writer wrote, including negative int64 and packed/unpacked repeats', () => {
    const w = new ProtoWriter()
      .int64(1, -7)
      .float(2, 0.5)
      .packedVarints(3, [1, 2, 300])
      .int64(3, 4)
      .string(4, 'héllo')
      .double(5, Math.PI);
    const r = new ProtoReader(w.finish());
    const ints: number[] = [];
    let tag = r.tag();
    expect(tag).toEqual({ field: 1, wire: WireType.Varint });
    expect(r.int64()).toBe(-7);
    tag = r.tag();
    expect(r.float()).toBe(0.5);
    tag = r.tag();
    r.repeatedInt64(tag.wire, ints);
    tag = r.tag();
    r.repeatedInt64(tag.wire, ints);
    expect(ints).toEqual([1, 2, 300, 4]);
    r.tag();
    expect(r.string()).toBe('héllo');
    r.tag();
    expect(r.double()).toBe(Math.PI);
    expect(r.done).toBe(true);
  });
  it('skips unknown fields of every wire type', () => {
    const w = new ProtoWriter().int64(9, 5).double(10, 1).string(11, 'x').float(12, 2).int64(1, 42);
    const r = new ProtoReader(w.finish());
    for (;;) {
      const { field, wire } = r.tag();
      if (field === 1) {
        expect(r.int64()).toBe(42);
        break;
      }
      r.skip(wire);
    }
  });
  it('rejects truncated input, naming the byte offset', () => {
    const bytes = new ProtoWriter().string(2, 'testing').finish();
    const r = new ProtoReader(bytes.subarray(0, 5));
    r.tag();
    expect(() => r.bytes()).toThrow(/truncated: 7 bytes needed at byte 2, only 3 left/);
    expect(() => new ProtoReader(Uint8Array.from([0x96])).varintNumber()).toThrow(/truncated varint at byte 0/);
    expect(() => new ProtoReader(Uint8Array.from([0x0b])).tag()).toThrow(/unsupported wire type 3/);
  });
});

describe('ONNX messages', () => {
  const raw = new Uint8Array(new Float32Array([1.5, -2, 3.25, 0]).buffer);
  const model: ModelProto = {
    irVersion: 8,
    opsetImport: [
      { domain: '', version: 17 },
      { domain: 'com.example', version: 1 },
    ],
    producerName: 'dlkit',
    producerVersion: '0.1.0',
    docString: 'doc',
    metadataProps: [{ key: 'k', value: 'v' }],
    graph: {
      name: 'g',
      node: [
        {
          input: ['x', 'w'],
          output: ['y'],
          name: 'n0',
          opType: 'Conv',
          attribute: [
            { name: 'f', type: AttributeType.FLOAT, f: 0.25 },
            { name: 'i', type: AttributeType.INT, i: -3 },
            { name: 's', type: AttributeType.STRING, s: 'SAME_UPPER' },
            { name: 'ints', type: AttributeType.INTS, ints: [1, -1, 2 ** 40] },
            { name: 'floats', type: AttributeType.FLOATS, floats: [0.5, -1] },
            { name: 'strings', type: AttributeType.STRINGS, strings: ['a', 'b'] },
            {
              name: 't',
              type: AttributeType.TENSOR,
              t: { name: '', dims: [2], dataType: DataType.INT64, int64Data: [5, -6] },
            },
          ],
        },
        { input: ['y'], output: ['z'], opType: 'Custom', domain: 'com.example', attribute: [] },
      ],
      initializer: [
        { name: 'w', dims: [2, 2], dataType: DataType.FLOAT, rawData: raw },
        { name: 'd', dims: [2], dataType: DataType.FLOAT, floatData: [0.5, 0.25] },
      ],
      input: [{ name: 'x', elemType: DataType.FLOAT, shape: ['batch', 3, null, 4] }],
      output: [{ name: 'z', elemType: DataType.FLOAT, shape: ['batch', 2] }],
      valueInfo: [{ name: 'y', elemType: DataType.FLOAT }],
    },
  };

  it('round-trip through encodeModel/decodeModel', () => {
    const back = decodeModel(encodeModel(model));
    // rawData comes back as a view into the file buffer: compare values.
    const w = back.graph.initializer[0];
    expect(Array.from(tensorToFloat32(w))).toEqual([1.5, -2, 3.25, 0]);
    expect(tensorToNumbers(back.graph.initializer[1])).toEqual([0.5, 0.25]);
    expect(tensorToNumbers(back.graph.node[0].attribute[6].t!)).toEqual([5, -6]);
    const strip = (m: ModelProto): unknown =>
      JSON.parse(JSON.stringify(m, (k, v) => (k === 'rawData' ? Array.from(v as Uint8Array) : v)));
    expect(strip(back)).toEqual(strip(model));
  });
  it('decoding rejects truncated files and files without a graph', () => {
    const bytes = encodeModel(model);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
    expect(() => decodeModel(new ProtoWriter().int64(1, 8).finish())).toThrow(/no graph/);
  });
});
