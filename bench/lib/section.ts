import type { Row } from './report';

export interface BenchOptions {
  quick: boolean;
  log(message: string): void;
}

export interface Section {
  /** Short id printed in the table's first column. */
  id: string;
  title: string;
  run(opts: BenchOptions): Promise<Row[]>;
}
