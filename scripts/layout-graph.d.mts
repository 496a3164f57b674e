export type Layout = {
  domainGraph: Map<string, Set<string>>;
  domainLoops: string[][];
  crossDomainImports: number;
  bypasses: { import: string; test: boolean }[];
  libImportsWeb: string[];
  componentsImportApp: string[];
  productFilesOver300: { file: string; lines: number; test: boolean }[];
  testFilesOver300: number;
};
export function domainLoops(graph: Map<string, Set<string>>): string[][];
export function readLayout(root: string): Layout;
