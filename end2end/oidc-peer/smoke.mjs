// Smoke test for a *running* oidc-peer (provider.mjs): discovery, a full
// authorization-code + PKCE login as "mette", the token exchange, the ID token
// contents and signature, and RP-initiated logout. Starts nothing itself.
//
// Run: node end2end/oidc-peer/smoke.mjs   (same PEER_* env vars as provider.mjs)
// Prints "smoke ok" and exits 0 on success; exits non-zero on any failure.

import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';

const env = process.env;
const PORT = Number.parseInt(env.PEER_PORT || '3109', 10);
const ISSUER = `http://127.0.0.1:${PORT}`;
const CLIENT_ID = env.PEER_CLIENT_ID || 'enplan';
const CLIENT_SECRET = env.PEER_CLIENT_SECRET || 'enplan-peer-secret';
const REDIRECT_URI = env.PEER_REDIRECT_URI || 'http://localhost:3108/auth/callback';
const POST_LOGOUT_REDIRECT_URI = env.PEER_POST_LOGOUT_REDIRECT_URI || 'http://localhost:3108/';
const LOA_SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';
const VERBOSE = env.SMOKE_VERBOSE === '1';

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}
const log = (...args) => { if (VERBOSE) console.error(...args); };
const b64url = (buf) => Buffer.from(buf).toString('base64url');

// --- a tiny cookie jar (name + path; host is always the peer) ---------------
const jar = new Map(); // key `${path}\0${name}` -> { name, value, path }
function storeCookies(res, url) {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expired = value === '';
    for (const attr of attrs) {
      const [k, v = ''] = attr.split('=');
      const key = k.toLowerCase();
      if (key === 'path') path = v || '/';
      if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      if (key === 'max-age' && Number(v) <= 0) expired = true;
    }
    const id = `${path}\0${name}`;
    if (expired) jar.delete(id);
    else jar.set(id, { name, value, path });
    log('  set-cookie', name, path, expired ? '(deleted)' : '', 'from', url.pathname);
  }
}
function cookieHeader(url) {
  const matching = [...jar.values()]
    .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
    .sort((a, b) => b.path.length - a.path.length);
  return matching.map((c) => `${c.name}=${c.value}`).join('; ');
}

// One request to the peer, no automatic redirects.
async function request(href, { method = 'GET', form, headers = {} } = {}) {
  const url = new URL(href);
  check(url.origin === ISSUER, `request stays on the peer (${href})`);
  const h = { ...headers };
  const cookie = cookieHeader(url);
  if (cookie) h.cookie = cookie;
  let body;
  if (form) {
    body = new URLSearchParams(form).toString();
    h['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(url, { method, headers: h, body, redirect: 'manual' });
  storeCookies(res, url);
  log(`${method} ${url.pathname} -> ${res.status} ${res.headers.get('location') || ''}`);
  return res;
}

// Follow redirects on the peer until a 2xx page or a redirect leaving the peer.
async function follow(res, base) {
  for (let hops = 0; hops < 15; hops += 1) {
    if (![301, 302, 303, 307, 308].includes(res.status)) {
      return { res, url: base, body: await res.text() };
    }
    const next = new URL(res.headers.get('location'), base);
    if (next.origin !== ISSUER) return { res, external: next };
    base = next.href;
    res = await request(base);
  }
  throw new Error('too many redirects');
}

const formAction = (html, base) => {
  const m = /<form[^>]*action="([^"]+)"/.exec(html);
  check(m, 'page has a form with an action');
  return new URL(m[1].replaceAll('&amp;', '&'), base).href;
};

// --- 1. discovery --------------------------------------------------------------
const discoveryRes = await fetch(`${ISSUER}/.well-known/openid-configuration`);
check(discoveryRes.ok, `discovery answers 200 (got ${discoveryRes.status})`);
const meta = await discoveryRes.json();
check(meta.issuer === ISSUER, `issuer is ${ISSUER} (got ${meta.issuer})`);
check(typeof meta.jwks_uri === 'string' && meta.jwks_uri.startsWith(ISSUER), 'jwks_uri present');
check(meta.code_challenge_methods_supported?.includes('S256'), 'code_challenge_methods_supported includes S256');
check(typeof meta.end_session_endpoint === 'string', 'end_session_endpoint present');
check(meta.id_token_signing_alg_values_supported?.includes('RS256'), 'RS256 supported for ID tokens');
check(meta.acr_values_supported?.includes(LOA_SUBSTANTIAL), 'acr_values_supported includes NSIS Substantial');
const jwks = await (await fetch(meta.jwks_uri)).json();
check(Array.isArray(jwks.keys) && jwks.keys.length > 0, 'jwks has keys');
check(jwks.keys.every((k) => k.d === undefined), 'jwks exposes no private key material');

const authorizeUrl = (extra) => {
  const u = new URL(meta.authorization_endpoint);
  for (const [k, v] of Object.entries({
    client_id: CLIENT_ID, response_type: 'code', scope: 'openid profile', redirect_uri: REDIRECT_URI, ...extra,
  })) u.searchParams.set(k, v);
  return u.href;
};

// --- 2. PKCE is required --------------------------------------------------------
{
  const res = await request(authorizeUrl({ state: 'no-pkce', nonce: 'n' }));
  check([302, 303].includes(res.status), `authorize without PKCE redirects with an error (got ${res.status})`);
  const loc = new URL(res.headers.get('location'));
  check(loc.searchParams.get('error') === 'invalid_request', `without PKCE: error=invalid_request (got ${loc.search})`);
}

// --- 3. authorize with PKCE S256 + state + nonce --------------------------------
const verifier = b64url(randomBytes(32));
const challenge = createHash('sha256').update(verifier).digest('base64url');
const state = b64url(randomBytes(12));
const nonce = b64url(randomBytes(12));

let step = await follow(await request(authorizeUrl({
  state, nonce, code_challenge: challenge, code_challenge_method: 'S256',
})), ISSUER);
check(!step.external, 'authorize leads to a peer page, not straight back');
check(/\/interaction\/[^/]+$/.test(new URL(step.url).pathname), `landed on an interaction page (${step.url})`);
check(step.body.includes('name="login"'), 'login page has input name="login"');
check(step.body.includes('Brugernavn'), 'login page has label "Brugernavn"');
check(step.body.includes('Log ind hos peer'), 'login page has button "Log ind hos peer"');

// An unknown user is shown the form again, with an error.
{
  const action = formAction(step.body, step.url);
  const res = await request(action, { method: 'POST', form: { login: 'nobody' } });
  check(res.status === 200, `unknown login re-shows the form (got ${res.status})`);
  const html = await res.text();
  check(html.includes('Ukendt brugernavn') && html.includes('name="login"'), 'unknown login shows an error and the form');
}

// Log in as mette and follow the redirects (login -> auto consent) back to the RP.
step = await follow(
  await request(formAction(step.body, step.url), { method: 'POST', form: { login: 'mette' } }),
  step.url,
);
check(step.external, `login ends in a redirect away from the peer (status ${step.res.status}, ${step.body?.slice(0, 300)})`);
const callback = step.external;
check(`${callback.origin}${callback.pathname}` === REDIRECT_URI, `redirected to ${REDIRECT_URI} (got ${callback.href})`);
check(!callback.searchParams.get('error'), `no error in callback (${callback.search})`);
check(callback.searchParams.get('state') === state, 'callback carries our state');
check(callback.searchParams.get('iss') === ISSUER, 'callback carries iss (RFC 9207)');
const code = callback.searchParams.get('code');
check(code, 'callback carries a code');

// --- 4. token exchange: client_secret_basic + code_verifier ---------------------
const basic = Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64');
const tokenRes = await fetch(meta.token_endpoint, {
  method: 'POST',
  headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier,
  }).toString(),
});
const tokens = await tokenRes.json();
check(tokenRes.ok, `token endpoint answers 200 (got ${tokenRes.status} ${JSON.stringify(tokens)})`);
check(typeof tokens.id_token === 'string', 'token response has an id_token');

// --- 5. ID token: signature and claims ------------------------------------------
const [h64, p64, s64] = tokens.id_token.split('.');
const header = JSON.parse(Buffer.from(h64, 'base64url').toString('utf8'));
const claims = JSON.parse(Buffer.from(p64, 'base64url').toString('utf8'));
check(header.alg === 'RS256', `ID token alg RS256 (got ${header.alg})`);
const jwk = jwks.keys.find((k) => k.kid === header.kid);
check(jwk, 'ID token kid is in the jwks');
check(
  verify('sha256', Buffer.from(`${h64}.${p64}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s64, 'base64url')),
  'ID token signature verifies against the jwks',
);
const now = Math.floor(Date.now() / 1000);
check(claims.iss === ISSUER, `iss is ${ISSUER} (got ${claims.iss})`);
check(claims.aud === CLIENT_ID || (Array.isArray(claims.aud) && claims.aud.includes(CLIENT_ID)), `aud is ${CLIENT_ID}`);
check(claims.sub === 'peer-mette', `sub is peer-mette (got ${claims.sub})`);
check(claims.nonce === nonce, 'nonce echoed');
check(claims.name === 'Mette Hansen', `name is Mette Hansen (got ${claims.name})`);
check(claims['dk.cpr'] === '0113851001', `dk.cpr is 0113851001 (got ${claims['dk.cpr']})`);
check(claims.loa === LOA_SUBSTANTIAL, `loa is NSIS Substantial (got ${claims.loa})`);
check(claims.acr === LOA_SUBSTANTIAL, `acr is NSIS Substantial (got ${claims.acr})`);
check(claims.exp > now && claims.iat <= now + 5, 'exp/iat sane');
console.log(`id_token payload: ${JSON.stringify(claims)}`);

// --- 6. RP-initiated logout ------------------------------------------------------
const logoutUrl = new URL(meta.end_session_endpoint);
logoutUrl.searchParams.set('id_token_hint', tokens.id_token);
logoutUrl.searchParams.set('post_logout_redirect_uri', POST_LOGOUT_REDIRECT_URI);
logoutUrl.searchParams.set('state', 'logout-state');
step = await follow(await request(logoutUrl.href), logoutUrl.href);
check(!step.external && step.res.status === 200, `end_session shows a confirmation page (got ${step.res.status})`);
check(step.body.includes('>Log ud</button>'), 'logout page has a "Log ud" button');
const xsrf = /name="xsrf" value="([^"]+)"/.exec(step.body)?.[1];
check(xsrf, 'logout page carries the xsrf token');
// What the button (or the auto-submit script) does: POST xsrf + logout=yes.
step = await follow(
  await request(formAction(step.body, step.url), { method: 'POST', form: { xsrf, logout: 'yes' } }),
  step.url,
);
check(step.external, 'logout confirmation redirects back to the RP');
check(`${step.external.origin}${step.external.pathname}` === POST_LOGOUT_REDIRECT_URI,
  `logout lands on ${POST_LOGOUT_REDIRECT_URI} (got ${step.external.href})`);
check(step.external.searchParams.get('state') === 'logout-state', 'logout redirect carries our state');

// After logout the peer asks for the login again.
step = await follow(await request(authorizeUrl({
  state: 'again', nonce: 'again', code_challenge: challenge, code_challenge_method: 'S256',
})), ISSUER);
check(!step.external && step.body.includes('name="login"'), 'after logout, authorize shows the login form again');

console.log('smoke ok');
