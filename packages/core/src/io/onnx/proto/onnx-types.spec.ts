import { DataType, tensorToFloat32, type TensorProto } from './onnx-types';

describe('tensorToFloat32', () => {
  it('reads raw float data held in a pooled Node Buffer (a view with an offset into a larger buffer)', () => {
    const values = new Float32Array([1.5, -2, 3.25]);
    // Buffer.from(bytes) of a small array lives inside Node's shared pool: byteOffset != 0 and
    // .buffer is much larger than the data (how file bytes arrive from fs.readFileSync slices).
    const pooled = Buffer.concat([Buffer.from([7]), Buffer.from(values.buffer)]).subarray(1);
    expect(pooled.byteLength).toBe(12);
    const t = { name: 'w', dims: [3], dataType: DataType.FLOAT, rawData: pooled } as unknown as TensorProto;
    expect(Array.from(tensorToFloat32(t))).toEqual([1.5, -2, 3.25]);
  });
});
