// A small, real third-party OpenID Connect provider for integration tests,
// built on panva's oidc-provider (9.x). See README.md in this directory.
//
// Run: node end2end/oidc-peer/provider.mjs
// Prints exactly "oidc-peer ready <issuer>" on stdout once listening.

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Provider } from 'oidc-provider';

const env = process.env;
const PORT = Number.parseInt(env.PEER_PORT || '3109', 10);
const HOST = '127.0.0.1';
const ISSUER = `http://${HOST}:${PORT}`;
const CLIENT_ID = env.PEER_CLIENT_ID || 'enplan';
const CLIENT_SECRET = env.PEER_CLIENT_SECRET || 'enplan-peer-secret';
const REDIRECT_URI = env.PEER_REDIRECT_URI || 'http://localhost:3108/auth/callback';
const POST_LOGOUT_REDIRECT_URI = env.PEER_POST_LOGOUT_REDIRECT_URI || 'http://localhost:3108/';
// The logout confirmation page submits itself by script unless this is "0"
// (then a browser must click the visible "Log ud" button).
const LOGOUT_AUTOSUBMIT = env.PEER_LOGOUT_AUTOSUBMIT !== '0';

const LOA_SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';

const ACCOUNTS = new Map([
  ['mette', { sub: 'peer-mette', name: 'Mette Hansen', 'dk.cpr': '0113851001', loa: LOA_SUBSTANTIAL }],
  ['karin', { sub: 'peer-karin', name: 'Karin Holm', 'dk.cpr': '2408790000', loa: LOA_SUBSTANTIAL }],
]);
const ACCOUNTS_BY_SUB = new Map([...ACCOUNTS.values()].map((a) => [a.sub, a]));

// Signing key, fresh for every start.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: `peer-${randomUUID()}` };

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

const page = (title, body) => `<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>
<body><main><h1>${esc(title)}</h1>
${body}
</main></body></html>`;

const loginPage = (uid, error, login = '') => page('Peer OpenID-udbyder', `
${error ? `<p role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}" autocomplete="off">
  <label for="login">Brugernavn</label>
  <input id="login" name="login" type="text" value="${esc(login)}" autofocus required>
  <button type="submit">Log ind hos peer</button>
</form>`);

const configuration = {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    application_type: 'web', // http + localhost redirect URIs are accepted for web clients using the code flow
    token_endpoint_auth_method: 'client_secret_basic',
    redirect_uris: [REDIRECT_URI],
    post_logout_redirect_uris: [POST_LOGOUT_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    id_token_signed_response_alg: 'RS256',
    // Makes every authorization request ask (voluntarily) for this acr, so the
    // ID token carries the acr set at login.
    default_acr_values: [LOA_SUBSTANTIAL],
  }],
  jwks: { keys: [signingKey] },
  cookies: {
    keys: ['enplan-oidc-peer-7f3c9a1e5b2d4c68', 'enplan-oidc-peer-0d4e8b6a2f1c9e37'],
  },
  // PKCE for every authorization request; oidc-provider only offers S256.
  pkce: { required: () => true },
  scopes: ['openid', 'profile'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'dk.cpr', 'loa'],
    acr: null,
    auth_time: null,
    sid: null,
  },
  acrValues: [LOA_SUBSTANTIAL],
  // Put scope-requested claims (name, dk.cpr, loa) into the ID token itself,
  // not only into the userinfo response.
  conformIdTokenClaims: false,
  async findAccount(_ctx, sub) {
    const account = ACCOUNTS_BY_SUB.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { ...account };
      },
    };
  },
  interactions: {
    url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page('Log ud hos peer', `
<p>Vil du logge ud hos peer-udbyderen?</p>
${form}
<button id="peer-logout" type="submit" form="op.logoutForm" name="logout" value="yes">Log ud</button>
${LOGOUT_AUTOSUBMIT ? `<script>
  document.getElementById('op.logoutForm').requestSubmit(document.getElementById('peer-logout'));
</script>` : ''}`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Logget ud hos peer', '<p>Du er logget ud hos peer-udbyderen.</p>');
      },
    },
  },
  async renderError(ctx, out, error) {
    console.error('oidc-peer error page:', out, error?.stack || error);
    ctx.type = 'html';
    ctx.body = page('Fejl hos peer', Object.entries(out)
      .map(([k, v]) => `<p><strong>${esc(k)}</strong>: ${esc(v)}</p>`).join('\n'));
  },
  clientBasedCORS: () => false,
  ttl: {
    AccessToken: 60 * 60,
    AuthorizationCode: 60,
    IdToken: 60 * 60,
    Interaction: 60 * 60,
    Session: 14 * 24 * 60 * 60,
    Grant: 14 * 24 * 60 * 60,
  },
};

const provider = new Provider(ISSUER, configuration);

for (const event of ['server_error', 'authorization.error', 'grant.error', 'end_session.error',
  'userinfo.error', 'jwks.error', 'discovery.error']) {
  provider.on(event, (_ctx, err) => {
    // Protocol errors (4xx: bad request, missing PKCE, …) in one line; the rest with a stack.
    if (err?.expose && err.statusCode < 500) {
      console.error(`oidc-peer ${event}: ${err.error}: ${err.error_description || err.message}`);
    } else {
      console.error(`oidc-peer ${event}:`, err?.stack || err);
    }
  });
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

// Interaction routes (login form + auto-granted consent), mounted in front of
// oidc-provider's own routes on the provider's Koa app.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
  if (!match) return next();
  ctx.set('cache-control', 'no-store');

  try {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.uid !== match[1]) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = page('Fejl hos peer', '<p>Ukendt login-forløb.</p>');
      return undefined;
    }
    const { uid, prompt, params, session } = details;

    if (prompt.name === 'login') {
      if (ctx.method === 'GET') {
        ctx.type = 'html';
        ctx.body = loginPage(uid);
        return undefined;
      }
      if (ctx.method === 'POST') {
        const form = await readForm(ctx.req);
        const login = (form.get('login') || '').trim().toLowerCase();
        const account = ACCOUNTS.get(login);
        if (!account) {
          ctx.status = 200;
          ctx.type = 'html';
          ctx.body = loginPage(uid, 'Ukendt brugernavn. Prøv igen.', form.get('login') || '');
          return undefined;
        }
        ctx.respond = false;
        await provider.interactionFinished(ctx.req, ctx.res, {
          login: { accountId: account.sub, acr: LOA_SUBSTANTIAL, amr: ['pwd'] },
        }, { mergeWithLastSubmission: false });
        return undefined;
      }
    }

    if (prompt.name === 'consent') {
      // Consent is granted automatically, for GET or POST alike.
      const { Grant } = provider;
      const grant = details.grantId
        ? await Grant.find(details.grantId)
        : new Grant({ accountId: session.accountId, clientId: params.client_id });
      grant.addOIDCScope(['openid', 'profile', ...(prompt.details.missingOIDCScope || [])].join(' '));
      grant.addOIDCClaims(['name', 'dk.cpr', 'loa', ...(prompt.details.missingOIDCClaims || [])]);
      const grantId = await grant.save();
      ctx.respond = false;
      await provider.interactionFinished(ctx.req, ctx.res, {
        consent: { grantId },
      }, { mergeWithLastSubmission: true });
      return undefined;
    }

    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = page('Fejl hos peer', `<p>Uventet trin: ${esc(prompt.name)}</p>`);
    return undefined;
  } catch (err) {
    console.error('oidc-peer interaction error:', err?.stack || err);
    ctx.respond = true;
    ctx.status = err.statusCode || 400;
    ctx.type = 'html';
    ctx.body = page('Fejl hos peer', `<p>${esc(err.error_description || err.message)}</p>`);
    return undefined;
  }
});

const server = provider.listen(PORT, HOST, () => {
  process.stdout.write(`oidc-peer ready ${ISSUER}\n`);
});
server.on('error', (err) => {
  console.error('oidc-peer server error:', err?.stack || err);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
