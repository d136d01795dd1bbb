import type { ServerResponse } from 'node:http';
import { Controller, Get, Inject, Injectable, Module, Query, Req } from '@nestjs/common';
import { type AuditLog, type HotlineRepository, assertId, hotline } from '@dutyline/domain';
import { Public } from './auth/auth.decorators';
import type { GatewayRequest } from './auth/gateway-request';
import { describeWithMariaDb, mariadbOptions } from '@dutyline/test-support';
import { AUDIT_LOG, DATABASE_PROBE, HOTLINE_REPOSITORY } from './database/repository.tokens';
import { HealthController } from './health/health.controller';
import { ShutdownState } from './platform/shutdown-state';
import { DemoSeed, type DemoSeedContext, type DemoSeedStep } from './seed/demo-seed-step';
import { DEMO_ACCOUNT_ID, DemoSeeder, demoLines } from './seed/demo-seeder.service';
import { type GatewayHarness, startGateway } from './testing/gateway-harness';
import { startTcpProxy } from './testing/tcp-proxy';

// HTTP round trips against real databases, in parallel with every other suite.
jest.setTimeout(30_000);

const ME = '{ me { role } }';

describe('query limits over HTTP', () => {
  let gateway: GatewayHarness;
  let token: string;
  beforeAll(async () => {
    gateway = await startGateway({
      database: 'sqlite',
      env: { GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_COMPLEXITY: '100', GRAPHQL_INTROSPECTION: 'true' },
    });
    token = (await gateway.newAccount()).tokens.admin;
  }, 30_000);
  afterAll(() => gateway?.close());

  it('refuses an operation nested too deep with QUERY_TOO_DEEP, before running it', async () => {
    const answer = await gateway.graphql(
      '{ me { user { id } account { id } } auditLog { edges { node { actor { id } } } } }',
      {},
      { token },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_DEEP' } })]);
    expect(answer.body.errors?.[0].message).toBe('The operation is nested 5 levels deep; at most 4 are allowed.');
  });

  it('refuses an operation too costly with QUERY_TOO_COMPLEX, and lets a smaller page through', async () => {
    const answer = await gateway.graphql('{ users(first: 100) { edges { node { id email } } } }', {}, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX' } })]);
    expect(answer.body.errors?.[0].message).toBe(
      'The operation would cost 302; at most 100 is allowed. Ask for smaller pages or fewer fields.',
    );
    const smaller = await gateway.graphql('{ users(first: 30) { edges { node { id email } } } }', {}, { token });
    expect(smaller.body.errors).toBeUndefined();
  });

  it('lets introspection through when GRAPHQL_INTROSPECTION=true, held to the same limits as any field', async () => {
    const answer = await gateway.graphql('{ __schema { queryType { fields { name } } } }', {}, { token });
    expect(answer.body.errors).toBeUndefined();
    const deeper = await gateway.graphql(
      '{ __schema { queryType { fields { name type { name ofType { name } } } } } }',
      {},
      { token },
    );
    expect(deeper.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_DEEP' } })]);
  });
});

describe('unexpected errors', () => {
  let gateway: GatewayHarness;
  const broken: AuditLog = {
    append: async () => undefined,
    list: async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'rows') at /srv/secret/path.ts:12");
    },
  };
  beforeAll(async () => {
    gateway = await startGateway({
      database: 'sqlite',
      override: (builder) => builder.overrideProvider(AUDIT_LOG).useValue(broken),
    });
  }, 30_000);
  afterAll(() => gateway?.close());

  it('come back as INTERNAL_SERVER_ERROR with a generic message and the request id, and are logged with their stack', async () => {
    const { tokens } = await gateway.newAccount();
    const answer = await gateway.graphql(
      '{ auditLog { edges { cursor } } }',
      {},
      { token: tokens.admin, headers: { 'x-request-id': 'boom-1' } },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['auditLog'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'boom-1' },
      },
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/secret|rows|TypeError/);
    const logged = gateway.logs.find(
      (l) => l.level === 'error' && l.requestId === 'boom-1' && l.msg === 'unexpected error in a GraphQL request',
    );
    expect(logged).toMatchObject({ operation: 'query (anonymous)', error: expect.stringContaining('TypeError') });
    expect(logged?.stack).toEqual(expect.stringContaining('platform.e2e.spec.ts'));
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, marks the gateway as draining (/ready 503), then refuses connections', async () => {
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const slowProbe = { ping: () => new Promise<void>((resolve) => ((release = resolve), entered())) };
    const gateway = await startGateway({
      database: 'sqlite',
      override: (builder) => builder.overrideProvider(DATABASE_PROBE).useValue(slowProbe),
    });
    const inFlight = gateway.get('/ready');
    await inside;
    const closing = gateway.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gateway.app.get(ShutdownState).draining).toBe(true);
    const probe = { statusCode: 200 } as ServerResponse;
    expect(await gateway.app.get(HealthController).ready(probe)).toEqual({ status: 'draining' });
    expect(probe.statusCode).toBe(503);
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    await closing;
    await expect(fetch(`${gateway.url}/health`)).rejects.toThrow();
    expect(gateway.logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['shutting down: finishing requests in flight', 'database closed']),
    );
  }, 30_000);
});

describeWithMariaDb('readiness when MariaDB goes away', () => {
  it('says 503 on /ready while /health stays 200', async () => {
    const { host, port, username, password, database } = mariadbOptions();
    const proxy = await startTcpProxy({ host, port });
    const url = `mysql://${username}${password ? `:${password}` : ''}@127.0.0.1:${proxy.port}/${database}`;
    const gateway = await startGateway({ database: 'mariadb', env: { DATABASE_URL: url } });
    try {
      expect((await gateway.get('/ready')).status).toBe(200);
      await proxy.cut();
      const ready = await gateway.get('/ready');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });
      expect((await gateway.get('/health')).status).toBe(200);
    } finally {
      await gateway.close();
    }
  }, 30_000);
});

@DemoSeed({ order: 20 })
@Injectable()
class DemoHotlineStep implements DemoSeedStep {
  static runs: string[] = [];
  constructor(@Inject(HOTLINE_REPOSITORY) private readonly hotlines: HotlineRepository) {}

  async seed({ accountId, admin }: DemoSeedContext): Promise<void> {
    DemoHotlineStep.runs.push(`hotline for ${accountId} by ${admin.userId}`);
    await this.hotlines.save(
      hotline({
        id: 'demo-hotline',
        accountId,
        name: 'Demo hotline',
        number: '+33123456789',
        timeZone: 'Europe/Paris',
      }),
    );
  }
}

@DemoSeed({ order: 10 })
@Injectable()
class DemoFirstStep implements DemoSeedStep {
  async seed(): Promise<void> {
    DemoHotlineStep.runs.push('first');
  }
}

@Module({ providers: [DemoHotlineStep, DemoFirstStep] })
class DemoStepsModule {}

describe('the demo seed', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway({ database: 'sqlite', env: { DEMO_SEED: 'true' }, imports: [DemoStepsModule] });
  }, 30_000);
  afterAll(() => gateway?.close());

  it('creates the demo account once, runs the steps in order, and prints the hotline and a working API key', async () => {
    const seeder = gateway.app.get(DemoSeeder);
    const facts = await seeder.run();
    expect(DemoHotlineStep.runs).toEqual(['first', 'hotline for demo by demo-admin']);
    expect((await gateway.app.get<HotlineRepository>(HOTLINE_REPOSITORY).byNumber('+33123456789'))?.accountId).toBe(
      DEMO_ACCOUNT_ID,
    );
    // The first hotline of the demo account (by name): ours, or one a feature's own demo step added.
    expect(facts.hotline).toMatch(/^\+[1-9]\d{6,14}$/);
    const lines = demoLines(facts);
    expect(lines[0]).toBe(`Demo hotline: ${facts.hotline}`);
    expect(lines[1]).toMatch(/^Demo API key: dl_[A-Za-z0-9_-]{43}$/);

    const me = await gateway.graphql('{ me { role account { id } } }', {}, { token: facts.apiKey! });
    expect(me.body.data.me).toEqual({ role: 'ADMIN', account: { id: DEMO_ACCOUNT_ID } });
    const login = await gateway.graphql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { role } } }',
      { e: facts.admin.email, p: facts.admin.password },
    );
    expect(login.body.data.login.user.role).toBe('ADMIN');

    expect(await seeder.run()).toEqual(facts);
    expect(DemoHotlineStep.runs).toHaveLength(2);
  }, 30_000);

  it('stops printing the demo key once it is revoked', async () => {
    const seeder = gateway.app.get(DemoSeeder);
    const { apiKey } = await seeder.run();
    const keys = await gateway.graphql('{ apiKeys { id name } }', {}, { token: apiKey! });
    await gateway.graphql(
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: keys.body.data.apiKeys[0].id },
      { token: apiKey! },
    );
    const after = await seeder.run();
    expect(after.apiKey).toBeNull();
    expect(demoLines(after).some((l) => l.startsWith('Demo API key'))).toBe(false);
  });
});

@Controller('probe')
class ProbeController {
  @Get('closed')
  closed() {
    return { ok: true };
  }

  @Get('open')
  @Public()
  open(@Query('id') id: string) {
    return { id: assertId(id, 'id') };
  }

  @Get('open/caller')
  @Public()
  openCaller(@Req() request: GatewayRequest) {
    return { actor: request.actor ?? null };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('plain HTTP routes (webhooks, health)', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway({ database: 'sqlite', imports: [ProbeModule] });
  }, 30_000);
  afterAll(() => gateway?.close());

  it('are closed without @Public(): 401 JSON with the code', async () => {
    const response = await gateway.get('/probe/closed');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    const { apiKey } = await gateway.newAccount();
    expect((await gateway.get('/probe/closed', { authorization: `Bearer ${apiKey}` })).status).toBe(200);
  });

  it('when @Public(), leave the Authorization header unread: no caller even with a valid API key', async () => {
    const { apiKey } = await gateway.newAccount();
    const response = await gateway.get('/probe/open/caller', { authorization: `Bearer ${apiKey}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ actor: null });
  });

  it('answer domain validation errors with 400, the code and the field', async () => {
    const response = await gateway.get('/probe/open?id=not%20an%20id');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'INVALID_ID', field: 'id', message: expect.any(String) } });
  });
});

describe('no credentials on a public route', () => {
  it('lets /health through even with a broken Authorization header', async () => {
    const gateway = await startGateway({ database: 'sqlite' });
    try {
      expect((await gateway.get('/health', { authorization: 'Bearer nonsense' })).status).toBe(200);
      expect(
        (await gateway.graphql(ME, {}, { headers: { authorization: 'Bearer nonsense' } })).body.errors?.[0].extensions
          ?.code,
      ).toBe('UNAUTHENTICATED');
    } finally {
      await gateway.close();
    }
  }, 30_000);
});
