import { Output } from './output';

describe('Output.clipLogger', () => {
  it('logs a line per tenth of each set, and the end, on stderr', () => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const log = new Output({ json: true }).clipLogger();
      for (let done = 1; done <= 20; done++) log(done, 20, 'train'); // tenths 0..10, each twice
      log(1, 3, 'test');
      log(1, 3, 'test'); // same tenth: silent
      log(3, 3, 'test');
    } finally {
      write.mockRestore();
    }
    expect(lines.filter((l) => l.includes('train'))).toHaveLength(11); // 1 (tenth 0), 2, 4, ..., 20
    expect(lines[0]).toBe('generating train clips: 1/20\n');
    expect(lines[10]).toBe('generating train clips: 20/20\n');
    expect(lines.slice(11)).toEqual(['generating test clips: 1/3\n', 'generating test clips: 3/3\n']);
  });
});
