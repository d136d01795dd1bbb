import type { ChangeLog, LoggedChange } from '@dutyline/application';
import type { Instant } from '@dutyline/domain';
import type { DataSource } from 'typeorm';

/** `ChangeLog` in the `change_log` table: an auto-incremented sequence per topic written. */
export class SqlChangeLog implements ChangeLog {
  constructor(private readonly dataSource: DataSource) {}

  async append(topics: readonly string[], at: Instant): Promise<void> {
    if (topics.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO change_log (topic, created_at) VALUES ${topics.map(() => '(?, ?)').join(', ')}`,
      topics.flatMap((topic) => [topic, at]),
    );
  }

  async latest(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT MAX(seq) AS seq FROM change_log')) as {
      seq: number | string | null;
    }[];
    return Number(row?.seq ?? 0);
  }

  async since(seq: number, limit: number): Promise<LoggedChange[]> {
    const rows = (await this.dataSource.query('SELECT seq, topic FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?', [
      seq,
      limit,
    ])) as { seq: number | string; topic: string }[];
    return rows.map((row) => ({ seq: Number(row.seq), topic: row.topic }));
  }

  async purge(before: Instant): Promise<void> {
    await this.dataSource.query('DELETE FROM change_log WHERE created_at < ?', [before]);
  }
}
