// The production server: `node build` runs this file (svelte.config.js copies it to build/index.js
// in place of adapter-node's own, and it uses adapter-node's handler.js beside it).
//
// Why not adapter-node's index.js: with no ORIGIN it takes every request for https, so on a
// first start at http://localhost:3000 Kit's CSRF check compared `http://localhost:3000` (the
// browser's Origin) with `https://localhost:3000` and refused every form post, sign-in included,
// and the links the app made (invitations, resets, candidates) pointed to https. A plain
// node:http server knows its requests are http: without ORIGIN (and without a PROTOCOL_HEADER
// from a proxy) each request is marked http here, in a header this server always overwrites so a
// client cannot choose it. The address is then the one the visitor used (localhost, 127.0.0.1,
// the machine's LAN address), the CSRF check stays on, and ORIGIN still pins the public address
// behind a proxy.
import http from 'node:http';
import process from 'node:process';

const SCHEME_HEADER = 'x-rehearse-scheme';
const markPlainHttp = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
// handler.js reads PROTOCOL_HEADER when it loads, so this is set before it is imported.
if (markPlainHttp) process.env.PROTOCOL_HEADER = SCHEME_HEADER;
const { handler } = await import('./handler.js');

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const socketPath = process.env.SOCKET_PATH;
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

const server = http.createServer((req, res) => {
	if (markPlainHttp) req.headers[SCHEME_HEADER] = 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not Found');
	});
});

// adapter-node's timeouts, in seconds, as it reads them.
if (process.env.KEEP_ALIVE_TIMEOUT)
	server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT) * 1000;
if (process.env.HEADERS_TIMEOUT) server.headersTimeout = Number(process.env.HEADERS_TIMEOUT) * 1000;

server.listen(socketPath ? { path: socketPath } : { host, port }, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(socketPath ? `Listening on ${socketPath}` : `Listening on http://${shown}:${port}`);
	if (markPlainHttp)
		console.log(
			'No ORIGIN set: the app answers at whatever address it is opened with (set ORIGIN behind a proxy).'
		);
});

// As adapter-node's server does: on SIGTERM or SIGINT stop taking requests, let those in flight
// finish (at most SHUTDOWN_TIMEOUT seconds), then tell the app ('sveltekit:shutdown').
let shuttingDown = false;
function shutDown(reason) {
	if (shuttingDown) return;
	shuttingDown = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
}
server.on('request', (req) => req.on('close', () => shuttingDown && server.closeIdleConnections()));
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
