import { JsonLogger, MAX_LOG_TEXT } from './json-logger';

const logged = (write: (logger: JsonLogger) => void): Record<string, string> => {
  const lines: string[] = [];
  write(new JsonLogger('debug', (line) => lines.push(line)));
  return JSON.parse(lines[0]);
};

describe('JsonLogger', () => {
  it('cuts every text field to a short length, saying how long it was', () => {
    const line = logged((logger) =>
      logger.entry('warn', 'Vonage could not run an NCCO', { reason: 'r'.repeat(5000), step: 3 }),
    );
    expect(line.reason).toBe(`${'r'.repeat(MAX_LOG_TEXT)}… (5000 characters)`);
    expect(line.step).toBe(3);
    expect(line.msg).toBe('Vonage could not run an NCCO');
  });

  it("cuts an error's message, in its own field and at the head of its stack, and keeps the frames", () => {
    const error = new Error(`bad field ${'x'.repeat(1000)}`);
    const line = logged((logger) =>
      logger.entry('error', 'a Vonage webhook failed', { route: '/vonage/answer', error }),
    );
    expect(line.error).toHaveLength(MAX_LOG_TEXT + '… (1017 characters)'.length);
    expect(line.stack.split('\n')[0]).toBe(line.error);
    expect(line.stack).toContain('json-logger.spec.ts');
    expect(JSON.stringify(line)).not.toContain('x'.repeat(MAX_LOG_TEXT + 1));
  });
});
