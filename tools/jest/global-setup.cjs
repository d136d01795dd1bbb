// Probes the real services once per run. Suites that need one skip loudly when it is missing on a
// developer machine; under CI a missing service fails the run.
const net = require('node:net');

const services = {
  MARIADB: { host: process.env.TEST_MARIADB_HOST || '127.0.0.1', port: Number(process.env.TEST_MARIADB_PORT || 3306) },
  REDIS: { host: process.env.TEST_REDIS_HOST || '127.0.0.1', port: Number(process.env.TEST_REDIS_PORT || 6379) },
};

function reachable({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

module.exports = async () => {
  // The console's browser tests run in parallel workers: build it once, before any of them starts.
  require('node:child_process').execFileSync(
    process.execPath,
    [require('node:path').join(__dirname, '..', 'console', 'ensure-built.cjs')],
    { stdio: 'inherit' },
  );
  const missing = [];
  for (const [name, address] of Object.entries(services)) {
    const up = await reachable(address);
    process.env[`DUTYLINE_TEST_${name}_UP`] = up ? '1' : '0';
    if (!up) missing.push(`${name} at ${address.host}:${address.port}`);
  }
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!require('node:fs').existsSync(chromium)) missing.push(`Chromium at ${chromium} (console browser tests)`);
  if (missing.length > 0) {
    if (process.env.CI) throw new Error(`CI needs these services and they are not reachable: ${missing.join(', ')}`);
    console.warn(
      `\n!!! SKIPPING service-backed suites: ${missing.join(', ')} not reachable. They never skip under CI.\n`,
    );
  }
};
