// SPDX-License-Identifier: GPL-3.0-or-later
// A real OAuth 2.0 authorization server for TagLens' loopback login tests: oidc-provider with a
// native public client (RFC 8252), PKCE required, dev interactions for a scripted user agent.
// Mastodon's endpoint paths are mapped onto oidc-provider's, so TagLens' Mastodon client talks to
// it unchanged. Listens on 127.0.0.1 at a random port and prints "listening http://127.0.0.1:PORT".
import Provider from 'oidc-provider';
import { createServer } from 'node:http';

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'taglens-test',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],
  }],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
  scopes: ['openid', 'read'],
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id }; } };
  },
});

const mastodonPaths = {
  '/oauth/authorize': '/auth',
  '/oauth/token': '/token',
  '/oauth/revoke': '/token/revocation',
  '/.well-known/oauth-authorization-server': '/.well-known/openid-configuration',
};
const callback = provider.callback();
server.on('request', (req, res) => {
  const [path, query] = req.url.split(/\?(.*)/s);
  if (mastodonPaths[path]) req.url = mastodonPaths[path] + (query !== undefined ? `?${query}` : '');
  callback(req, res);
});
process.stdout.write(`listening ${issuer}\n`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the test that started it.
process.stdin.on('end', stop);
process.stdin.resume();
