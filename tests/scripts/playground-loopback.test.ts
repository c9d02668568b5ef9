import { execFileSync } from 'node:child_process';
import path from 'node:path';

const SHIM = path.resolve(__dirname, '../../scripts/playground-loopback.cjs');

/** Each way a server can be told to listen on a TCP port, run in a child process with the shim preloaded. */
const PROBE = `
const net = require('node:net');
const http = require('node:http');
const forms = {
  'listen(port, cb)': (s, cb) => s.listen(0, cb),
  'listen(port)': (s, cb) => { s.once('listening', cb); s.listen(0); },
  'listen({ port }, cb)': (s, cb) => s.listen({ port: 0 }, cb),
  'listen(cb)': (s, cb) => s.listen(cb),
  'listen()': (s, cb) => { s.once('listening', cb); s.listen(); },
  "listen(port, '0.0.0.0', cb)": (s, cb) => s.listen(0, '0.0.0.0', cb),
  "listen(port, '::', cb)": (s, cb) => s.listen(0, '::', cb),
  "listen({ port, host: '0.0.0.0' }, cb)": (s, cb) => s.listen({ port: 0, host: '0.0.0.0' }, cb),
  'listen(port, undefined, backlog, cb)': (s, cb) => s.listen(0, undefined, 511, cb),
  "listen(port, '127.0.0.1', cb)": (s, cb) => s.listen(0, '127.0.0.1', cb),
};
(async () => {
  const out = {};
  for (const [name, form] of Object.entries(forms)) {
    for (const server of [net.createServer(), http.createServer()]) {
      await new Promise((resolve) => form(server, resolve));
      out[name] = [...(out[name] ?? []), server.address().address];
      server.close();
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

describe('playground-loopback', () => {
  it('makes every form of listen() on a TCP port bind 127.0.0.1 only', () => {
    const out = JSON.parse(
      execFileSync(process.execPath, ['--require', SHIM, '-e', PROBE], { encoding: 'utf8', timeout: 20_000 }),
    ) as Record<string, string[]>;
    expect(Object.keys(out)).toHaveLength(10);
    for (const [form, addresses] of Object.entries(out))
      expect([form, addresses]).toEqual([form, ['127.0.0.1', '127.0.0.1']]);
  });
});
