export async function main(argv: string[]): Promise<number> { console.log(argv.length); return 0; }
