// Types for the part of fft.js (radix-4 FFT, power-of-two sizes) that stft.ts uses; the package ships none.
declare module 'fft.js' {
  class FFT {
    constructor(size: number);
    readonly size: number;
    createComplexArray(): number[];
    /** Forward transform of a real input: fills out[0 .. size + 1] (bins 0..size/2, interleaved re, im). */
    realTransform(out: number[] | Float64Array, input: ArrayLike<number>): void;
    completeSpectrum(spectrum: number[] | Float64Array): void;
  }
  export = FFT;
}
