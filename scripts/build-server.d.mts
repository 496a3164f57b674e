export function bundle(entry: string, outfile: string): Promise<void>;
export function bundleBoardLive(outfile?: string): Promise<void>;
