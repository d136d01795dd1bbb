import fs from 'node:fs';
import { SCHEMA_COMMAND, SCHEMA_FILE, printServedSchema } from './print-schema';

describe('the committed schema (apps/gateway/schema.graphql)', () => {
  it('is exactly what the code serves', async () => {
    const served = await printServedSchema();
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== served) {
      throw new Error(
        `apps/gateway/schema.graphql differs from the schema the code serves. Run \`${SCHEMA_COMMAND}\` and commit the file.`,
      );
    }
    expect(committed).toContain('type Query');
  }, 30_000);
});
