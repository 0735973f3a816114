// AES-256-GCM with WebCrypto: the one envelope PixioDoc's web pages share
// (the phone capture page now, the share-link viewer later). The Python half is
// pixiodoc_desktop/phone/sealing.py: sealed = nonce (12 bytes) || ciphertext+tag,
// with associated data naming what the object is. Keys come from a URL fragment,
// which browsers never send over the network.

const NONCE_BYTES = 12;
const encoder = new TextEncoder();

export function fromBase64Url(text) {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = b64 + "===".slice((b64.length + 3) % 4);
  const raw = atob(padded);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function fromBase64(text) {
  return fromBase64Url(text);
}

// The key in "#k=<base64url>" (32 bytes), or null when it is missing or malformed.
export function keyBytesFromFragment(hash) {
  const params = new URLSearchParams((hash || "").replace(/^#/, ""));
  const value = params.get("k");
  if (!value) return null;
  try {
    const bytes = fromBase64Url(value);
    return bytes.length === 32 ? bytes : null;
  } catch (e) {
    return null;
  }
}

export async function importKey(bytes) {
  return crypto.subtle.importKey("raw", bytes, { name: "AES-GCM" }, false, [
    "encrypt",
    "decrypt",
  ]);
}

export async function seal(key, plaintext, aad) {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv: nonce, additionalData: encoder.encode(aad) },
    key,
    plaintext,
  );
  const out = new Uint8Array(NONCE_BYTES + sealed.byteLength);
  out.set(nonce, 0);
  out.set(new Uint8Array(sealed), NONCE_BYTES);
  return out;
}

// The plaintext; throws when the key is wrong or the data was altered.
export async function open(key, sealed, aad) {
  const bytes = sealed instanceof Uint8Array ? sealed : new Uint8Array(sealed);
  return crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes.slice(0, NONCE_BYTES), additionalData: encoder.encode(aad) },
    key,
    bytes.slice(NONCE_BYTES),
  );
}
