// Preloaded into the Microsoft 365 Agents Playground (node --require) so that it listens on
// 127.0.0.1 only. The Playground has no option for its bind address: it calls
// server.listen(port, callback), which binds every interface (checked in
// @microsoft/m365agentsplayground 0.2.x, dist/index.js). This fills in the host when none is given.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort && typeof second !== 'string') {
    args.splice(1, 0, LOOPBACK);
  } else if (first && typeof first === 'object' && !Array.isArray(first) && first.path === undefined && first.fd === undefined && first.handle === undefined && first.host === undefined && !(first instanceof net.Server)) {
    args[0] = { ...first, host: LOOPBACK };
  }
  return listen.apply(this, args);
};
