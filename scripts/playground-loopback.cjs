// Preloaded into the Microsoft 365 Agents Playground (node --require) so that it listens on
// 127.0.0.1 only. The Playground has no option for its bind address: it calls
// server.listen(port, callback), which binds every interface (checked in
// @microsoft/m365agentsplayground 0.2.x, dist/index.js). This fills in the host when none is
// given, and replaces "every interface" ('0.0.0.0', '::', '') when one is, in every form of
// listen() that takes a TCP port; pipes and handles are left alone.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);
const listen = net.Server.prototype.listen;

function namesOneInterface(host) {
  return typeof host === 'string' && !EVERY_INTERFACE.has(host);
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (first === undefined || typeof first === 'function') {
    // listen() and listen(callback): any free port, on every interface.
    args.splice(0, first === undefined ? 1 : 0, 0, LOOPBACK);
  } else if (isPort) {
    if (typeof second === 'string' || (second === undefined && args.length > 1)) {
      if (!namesOneInterface(second)) args[1] = LOOPBACK;
    } else {
      args.splice(1, 0, LOOPBACK);
    }
  } else if (
    first &&
    typeof first === 'object' &&
    !Array.isArray(first) &&
    first.path === undefined &&
    first.fd === undefined &&
    first.handle === undefined &&
    !(first instanceof net.Server)
  ) {
    if (!namesOneInterface(first.host)) args[0] = { ...first, host: LOOPBACK };
  }
  return listen.apply(this, args);
};
