import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readGatewayConfig } from '../config/gateway-config';
import { createGatewayApp } from '../gateway-app';
import { JsonLogger } from '../logging/json-logger';

/** The committed schema for frontend teams; CI (`schema.spec.ts`) fails when the code says otherwise. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');
export const SCHEMA_COMMAND = 'npm run schema -w @dutyline/gateway';

const HEADER = `# The Dutyline GraphQL API, generated from the code by \`${SCHEMA_COMMAND}\`. Do not edit:\n# CI fails when this file and the code differ.\n\n`;

/**
 * The schema the gateway serves, printed sorted: the real application is built (on a throw-away
 * SQLite file, nothing listening) so every module's resolvers are in it.
 */
export async function printServedSchema(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-schema-'));
  const config = readGatewayConfig(
    { DATA_DIR: dataDir, DEMO_SEED: 'false' },
    { cwd: dataDir, generatedSecret: () => 'schema-printing-needs-no-real-secret-000' },
  );
  const app = await createGatewayApp(config, new JsonLogger('error'));
  try {
    await app.init();
    return `${HEADER}${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  printServedSchema().then(
    (text) => {
      fs.writeFileSync(SCHEMA_FILE, text);
      process.stdout.write(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
      process.exit(0);
    },
    (error) => {
      process.stderr.write(`Could not print the schema: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
