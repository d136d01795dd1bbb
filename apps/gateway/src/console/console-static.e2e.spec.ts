import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';

const ASSET = 'index-Ab12Cd34.js';

function consoleBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Dutyline</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', ASSET), 'console.log("console")');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-the-console.txt'), 'secret');
  return dir;
}

const page = { headers: { accept: 'text/html,application/xhtml+xml' } };

describe('the gateway serves the web console at /', () => {
  let gateway: GatewayHarness;
  let dir: string;

  beforeAll(async () => {
    dir = consoleBuild();
    gateway = await startGateway({ database: 'sqlite', env: { CONSOLE_DIR: dir } });
  });
  afterAll(async () => {
    await gateway?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers / and any console route a browser asks for with index.html, never cached', async () => {
    for (const route of ['/', '/hotlines/0190-abc/schedule?view=week', '/directory']) {
      const response = await fetch(`${gateway.url}${route}`, page);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year, other files as they are, and 404 for a missing asset', async () => {
    const asset = await fetch(`${gateway.url}/assets/${ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("console")');

    const icon = await fetch(`${gateway.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');

    const missing = await fetch(`${gateway.url}/assets/index-Zz99Zz99.js`, page);
    expect(missing.status).toBe(404);
  });

  it('leaves the API to the gateway: /graphql, /health and webhooks are never answered with the console', async () => {
    const health = await fetch(`${gateway.url}/health`, page);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const graphql = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    const voicemail = await fetch(`${gateway.url}/voicemail/not-a-token`, page);
    expect(await voicemail.text()).not.toContain('<div id="root">');
    const post = await fetch(`${gateway.url}/directory`, { method: 'POST', headers: page.headers });
    expect(post.status).toBe(404);
    const apiClient = await fetch(`${gateway.url}/directory`, { headers: { accept: '*/*' } });
    expect(apiClient.status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const route of [
      '/..%2Foutside-the-console.txt',
      '/assets/..%2F..%2Foutside-the-console.txt',
      '/%2e%2e/outside-the-console.txt',
    ]) {
      const response = await fetch(`${gateway.url}${route}`);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('says how to build the console when it is not built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'console-none-'));
    const bare = await startGateway({ database: 'sqlite', env: { CONSOLE_DIR: empty } });
    try {
      const response = await fetch(`${bare.url}/`, page);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/npm run build -w @dutyline\/console/);
      expect(bare.logs.some((line) => String(line.msg ?? line.message).includes('the web console is not built'))).toBe(
        true,
      );
    } finally {
      await bare.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
