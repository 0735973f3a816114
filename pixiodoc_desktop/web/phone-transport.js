// How the phone page reaches the workstation: straight over the clinic network (the
// workstation's own HTTPS server) or, when the phone is on guest Wi-Fi or mobile data,
// through the clinic's bucket (presigned URLs; the workstation collects from there).
// Both speak the same five calls to phone.js, and both carry only what aesgcm.js
// sealed under the key from the URL fragment. Nothing is stored in the browser.
//
//   claim()                -> { ok: true, info } | { ok: false, error, message }   (throws: offline)
//   poll()                 -> { ended: reason } | {}                                 (throws: offline)
//   ghost(site, lesion)    -> sealed bytes | null
//   uploadId()             -> the id a photo is sealed under
//   send(id, sealed)       -> { state: "committed", photo } | { state: "refused", error, message }
//                             | { state: "ended", error, message } | { state: "retry" }
import { fromBase64, open, seal } from "./aesgcm.js";

const RELAY_STATE_AAD = "pixiodoc-phone/v1/relay-state";
const RELAY_ASK_AAD = "pixiodoc-phone/v1/relay-ask";
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const noStore = { cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" };

async function answerOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

// --- over the clinic network: the workstation's own server -------------------------------

export function lanTransport() {
  let token = null;
  const api = (path, options = {}) => {
    const headers = Object.assign({}, options.headers || {});
    if (token) headers.Authorization = "Bearer " + token;
    return fetch(path, Object.assign({}, options, noStore, { headers }));
  };
  return {
    route: "lan",
    async claim() {
      const code = location.pathname.split("/").pop();
      const response = await api("/api/claim", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code }),
      });
      const data = await answerOf(response);
      if (!response.ok) return { ok: false, error: data.error, message: data.message };
      token = data.token;
      return { ok: true, info: fromBase64(data.info) };
    },
    async poll() {
      const response = await api("/api/state");
      return response.status === 410 ? { ended: (await answerOf(response)).error } : {};
    },
    async ghost(site, lesion) {
      const response = await api("/api/ghost?" + new URLSearchParams({ site, lesion }).toString());
      return response.status === 200 ? response.arrayBuffer() : null;
    },
    async uploadId() {
      return crypto.randomUUID();
    },
    async send(id, sealed) {
      let response;
      try {
        response = await api("/api/photo", {
          method: "POST",
          headers: { "Content-Type": "application/octet-stream", "X-Upload-Id": id },
          body: sealed,
        });
      } catch (e) {
        return { state: "retry" }; // the connection broke: the photo is still here
      }
      const data = await answerOf(response);
      if (response.ok) return { state: "committed", photo: data.photo };
      if (response.status === 410) return { state: "ended", error: data.error, message: data.message };
      if (response.status === 429 || response.status >= 500) return { state: "retry" };
      return { state: "refused", error: data.error, message: data.message };
    },
  };
}

// --- through the clinic's bucket -----------------------------------------------------------
//
// The page came with two presigned URLs: the workstation's sealed state (GET) and the
// phone's message slot (PUT). The phone says who it is (and which site's ghost it wants)
// in its message; the state names the phone that won the code, lists upload slots
// (presigned PUT URLs, short-lived and renewed), and says what became of each upload.

export function relayTransport(config, key) {
  const phone = crypto.randomUUID(); // tells this phone from a second one that scans the code
  const used = new Set();
  let latest = null;
  let asked = 0;

  async function fetchState() {
    const response = await fetch(config.state, noStore);
    if (response.status === 403 || response.status === 404) {
      latest = { state: "ended", reason: "ended" }; // the workstation has tidied up
      return latest;
    }
    if (!response.ok) throw new Error("state " + response.status);
    const plain = await open(key, await response.arrayBuffer(), RELAY_STATE_AAD);
    latest = JSON.parse(new TextDecoder().decode(plain));
    return latest;
  }

  async function ask(site, lesion, bye = false) {
    asked += 1;
    const message = { phone, ua: navigator.userAgent, site, lesion, n: asked, bye };
    const sealed = await seal(key, new TextEncoder().encode(JSON.stringify(message)), RELAY_ASK_AAD);
    const response = await fetch(config.ask, Object.assign({}, noStore, { method: "PUT", body: sealed }));
    if (!response.ok) throw new Error("ask " + response.status);
    return asked;
  }

  const ended = (state) => state.state === "ended" || (state.phone && state.phone !== phone);
  const why = (state) => (state.state === "ended" ? state.reason : "used");

  return {
    route: "bucket",
    async claim() {
      await ask("", "");
      for (;;) {
        const state = await fetchState();
        if (ended(state)) return { ok: false, error: why(state) };
        if (state.phone === phone) return { ok: true, info: fromBase64(state.info) };
        await pause(400);
      }
    },
    async poll() {
      const state = await fetchState();
      if (!ended(state)) return {};
      // Told: the workstation may tidy the bucket now instead of waiting for us.
      if (state.phone === phone) ask("", "", true).catch(() => {});
      return { ended: why(state) };
    },
    async ghost(site, lesion) {
      const n = await ask(site, lesion);
      for (let tries = 0; tries < 60; tries++) {
        const state = await fetchState();
        if (ended(state)) return null;
        if (state.ghost && state.ghost.n >= n) {
          if (!state.ghost.url) return null;
          const response = await fetch(state.ghost.url, noStore);
          return response.ok ? response.arrayBuffer() : null;
        }
        await pause(400);
      }
      return null;
    },
    async uploadId() {
      for (;;) {
        const free = ((latest && latest.slots) || []).find(([id]) => !used.has(id));
        if (free) {
          used.add(free[0]);
          return free[0];
        }
        const state = await fetchState().catch(() => ({}));
        if (ended(state)) return crypto.randomUUID(); // sent nowhere: send() says ended
        await pause(400);
      }
    },
    async send(id, sealed) {
      let state = latest;
      const done = (s) => s && s.done && s.done[id];
      if (!done(state)) {
        const slot = ((state && state.slots) || []).find(([slotId]) => slotId === id);
        if (!slot) {
          state = await fetchState().catch(() => null);
          return state && ended(state) ? { state: "ended", error: why(state) } : { state: "retry" };
        }
        let response = null;
        try {
          response = await fetch(slot[1], Object.assign({}, noStore, { method: "PUT", body: sealed }));
        } catch (e) {
          response = null;
        }
        if (!response || !response.ok) return { state: "retry" }; // cut off, or the URL renewed
      }
      // In the bucket: wait until the workstation has taken it (or said why not).
      for (;;) {
        try {
          state = await fetchState();
        } catch (e) {
          await pause(800);
          continue;
        }
        const result = done(state);
        if (result && result.photo) return { state: "committed", photo: result.photo };
        if (result) return { state: "refused", error: result.error, message: result.message };
        if (ended(state)) return { state: "ended", error: why(state) };
        await pause(200); // the clinician waits for this one: look often, briefly
      }
    },
  };
}
