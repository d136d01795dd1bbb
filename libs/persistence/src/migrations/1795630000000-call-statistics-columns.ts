import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { schemaColumns } from './schema-columns';

/**
 * What the call statistics read of a call, beside its document (issue #14): the answerer's name as the
 * log shows it, the time to answer and the length in whole milliseconds. Existing calls are filled in
 * from their documents by the database itself, as `callRowOf` derives them on every write.
 */
export class CallStatisticsColumns1795630000000 implements MigrationInterface {
  name = 'CallStatisticsColumns1795630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaColumns(queryRunner);
    const columns = [
      c.text('answered_by_name', 120, true),
      c.instant('time_to_answer_ms', true),
      c.instant('duration_ms', true),
    ];
    // MariaDB commits the ALTER at once: after a backfill that failed, the columns are there already.
    for (const column of columns)
      if (!(await queryRunner.hasColumn('calls', column.name)))
        await queryRunner.addColumn('calls', new TableColumn(column));
    const field = (path: string) =>
      c.mariaDb ? `JSON_VALUE(document, '$.${path}')` : `json_extract(document, '$.${path}')`;
    const whole = (path: string) => (c.mariaDb ? `CAST(${field(path)} AS SIGNED)` : field(path));
    const notNegative = (value: string) => (c.mariaDb ? `GREATEST(0, ${value})` : `MAX(0, ${value})`);
    await queryRunner.query(
      `UPDATE calls SET
        answered_by_name = CASE WHEN answered_by IS NOT NULL THEN ${field('state.answeredBy.personName')} END,
        time_to_answer_ms = CASE WHEN outcome = 'answered' AND ${field('timeline.answeredAt')} IS NOT NULL
          THEN ${notNegative(`${whole('timeline.answeredAt')} - started_at`)} END,
        duration_ms = CASE
          WHEN ${field('timeline.durationSeconds')} IS NOT NULL THEN ${whole('timeline.durationSeconds')} * 1000
          WHEN ${field('timeline.endedAt')} IS NOT NULL THEN ${notNegative(`${whole('timeline.endedAt')} - started_at`)}
        END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['duration_ms', 'time_to_answer_ms', 'answered_by_name'])
      await queryRunner.dropColumn('calls', column);
  }
}
