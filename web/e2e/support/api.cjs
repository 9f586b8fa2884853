// Talks to the API directly: test data set up in a second instead of a dozen screens, and
// facts checked at the source (how many sales exist, what is on hand) rather than on screen.

/** Registers a user with a first store; returns a small client signed in as them. */
async function apiAs(baseUrl, user, storeName) {
  const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...user, storeName }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  const { data } = await res.json();
  const stores = await call('GET', '/stores');
  const storeId = stores.data[0].id;

  async function call(method, path, body, headers = {}) {
    const answer = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${data.accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = answer.status === 204 ? undefined : await answer.json();
    if (answer.status >= 400) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  }
  const store = (path) => `/stores/${storeId}${path}`;

  return {
    storeId,
    call,
    createProduct: async (product) => (await call('POST', store('/products'), product)).data,
    getProduct: async (id) => (await call('GET', store(`/products/${id}`))).data,
    listSales: async () => (await call('GET', store('/sales?limit=100'))).data,
  };
}

/**
 * Signs in a user who exists (registered through the screens); returns `api(method, path,
 * body)` that answers the envelope's `data` and throws with the status and body otherwise.
 */
async function signIn(baseUrl, { email, password }) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()).data;
  return async function api(method, path, body) {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = res.status === 204 ? {} : await res.json();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(json)}`);
    return json.data;
  };
}

module.exports = { apiAs, signIn };
