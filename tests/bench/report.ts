import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A figure in a table; `better` marks the figures compared with the best peer. */
export interface Column {
  key: string;
  title: string;
  digits?: number;
  better?: 'lower' | 'higher';
}

export type Cell = number | string | undefined;

interface Row {
  server: string;
  isPeer: boolean;
  /** Rows are compared only within one group (the same load, the same draft). */
  group: string;
  cells: Record<string, Cell>;
}

const format = (value: Cell, digits = 1): string => {
  if (value === undefined) return '-';
  if (typeof value === 'string') return value;
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
};

/**
 * One scenario's table. For every column marked `better`, each row also gets
 * its ratio to the best peer of its group ("0.50×" is half the best peer's
 * figure: better when lower is better), so the targets can be read off
 * directly.
 */
export class BenchTable {
  private readonly rows: Row[] = [];

  constructor(
    readonly title: string,
    private readonly columns: Column[],
  ) {}

  add(server: string, options: { peer?: boolean; group?: string }, cells: Record<string, Cell>): void {
    this.rows.push({ server, isPeer: options.peer ?? false, group: options.group ?? '', cells });
  }

  /** A row saying why a server has no figures. */
  addFailure(server: string, group: string, reason: string): void {
    this.rows.push({ server, isPeer: false, group, cells: { [this.columns[0]!.key]: `failed: ${reason}` } });
  }

  private bestPeer(group: string, column: Column): number | undefined {
    const values = this.rows
      .filter((row) => row.isPeer && row.group === group)
      .map((row) => row.cells[column.key])
      .filter((value): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0);
    if (values.length === 0) return undefined;
    return column.better === 'lower' ? Math.min(...values) : Math.max(...values);
  }

  toMarkdown(): string {
    const compared = this.columns.filter((column) => column.better);
    const hasPeers = this.rows.some((row) => row.isPeer);
    const ratioTitles = hasPeers ? compared.map((column) => `${column.title} vs best peer`) : [];
    const header = ['server', ...this.columns.map((column) => column.title), ...ratioTitles];
    const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '-').join(' | ')} |`];
    for (const row of this.rows) {
      const cells = this.columns.map((column) => format(row.cells[column.key], column.digits));
      const ratios = hasPeers
        ? compared.map((column) => {
            const ours = row.cells[column.key];
            const best = this.bestPeer(row.group, column);
            return typeof ours === 'number' && Number.isFinite(ours) && best !== undefined ? `${(ours / best).toFixed(2)}×` : '-';
          })
        : [];
      lines.push(`| ${[row.server, ...cells, ...ratios].join(' | ')} |`);
    }
    return `${this.title}\n\n${lines.join('\n')}\n`;
  }
}

const BEGIN = '<!-- bench:latest:begin -->';
const END = '<!-- bench:latest:end -->';

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.resolve('node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** What the figures were measured with: the machine, Node and every server's package. */
export function describeRun(command: string): string {
  const cpus = os.cpus();
  const packages = ['yjs', 'y-websocket', '@y/websocket-server', 'y-leveldb', '@hocuspocus/server', '@hocuspocus/extension-sqlite', 'better-sqlite3', 'ws', 'playwright-core'];
  return [
    `Command: \`${command}\``,
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; servers pinned to core 0, the load generator to core 1.`,
    '',
    `Versions: ${packages.map((pkg) => `${pkg} ${versionOf(pkg)}`).join(', ')}.`,
  ].join('\n');
}

/**
 * Replaces the "latest run" section of docs/PERFORMANCE.md (between its
 * markers) with this run's tables; the analysis around it is left alone.
 * A partial run (--only, --quick) is written too, saying so.
 */
export function writeLatestRun(file: string, command: string, tables: string[]): void {
  const section = `${BEGIN}\n## Latest \`npm run bench\`\n\n${describeRun(command)}\n\n${tables.join('\n')}${END}`;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Performance\n';
  }
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next = begin >= 0 && end > begin ? text.slice(0, begin) + section + text.slice(end + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
