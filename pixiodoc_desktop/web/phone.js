// The phone capture page. It keeps everything in memory only (no localStorage,
// IndexedDB, Cache API or service worker): the pairing key from the URL fragment,
// the session token, and each photo until the workstation has committed it.
import { importKey, keyBytesFromFragment, open, seal } from "./aesgcm.js";
import { lanTransport, relayTransport } from "./phone-transport.js";

const PHOTO_AAD = "pixiodoc-phone/v1/photo/";
const INFO_AAD = "pixiodoc-phone/v1/info";
const GHOST_AAD = "pixiodoc-phone/v1/ghost";

const TEXT = {
  en: {
    connecting: "Connecting…", paired: "Paired with the workstation",
    pairedBucket: "Paired through the clinic's cloud storage",
    shutter: "Take photo", file: "Camera app", ghost: "Last visit",
    noSite: "Site: as at the workstation", noLesion: "No tracked lesion",
    sending: "sending", retrying: "retrying", committed: "saved", refused: "refused",
    unsent: "not saved",
    noKey: "This link has no key. Scan the code shown at the workstation again.",
    badKey: "The key in this link does not fit. Scan the code shown at the workstation again.",
    unknown: "This pairing code is not known. Scan the code shown at the workstation.",
    used: "This pairing code was already used by another phone. Open a new pairing at the workstation.",
    expired: "This pairing code has expired. Open a new pairing at the workstation.",
    ended: "The workstation has ended this pairing. Nothing is kept on this phone.",
    idle: "The pairing ended after ten minutes without photos.",
    "time-limit": "The pairing ended after one hour.",
    locked: "The workstation was locked; the pairing has ended.",
    "patient-changed": "Another patient was opened at the workstation; the pairing has ended.",
    "no-token": "The request was not paired. Scan the code shown at the workstation.",
    unreachable: "The workstation cannot be reached; photos are sent again when it can.",
    noCamera: "The live camera is not available here; use the camera app button.",
    "too-many": "Too many photos in one minute; they are sent again shortly.",
    "too-large": "This photo is too large for PixioDoc (limit {0} MB).",
    "not-image": "This file is not a photo PixioDoc accepts.",
    "bad-key": "The workstation could not decrypt this photo. Scan the code again.",
    unavailable: "The workstation cannot save photos right now; they are sent again.",
  },
  de: {
    connecting: "Verbinde…", paired: "Mit dem Arbeitsplatz gekoppelt",
    pairedBucket: "Über den Cloud-Speicher der Praxis gekoppelt",
    shutter: "Foto aufnehmen", file: "Kamera-App", ghost: "Letzter Besuch",
    noSite: "Stelle: wie am Arbeitsplatz", noLesion: "Keine verfolgte Läsion",
    sending: "wird gesendet", retrying: "neuer Versuch", committed: "gespeichert",
    refused: "abgelehnt", unsent: "nicht gespeichert",
    noKey: "Dieser Link enthält keinen Schlüssel. Bitte den Code am Arbeitsplatz erneut scannen.",
    badKey: "Der Schlüssel in diesem Link passt nicht. Bitte den Code am Arbeitsplatz erneut scannen.",
    unknown: "Dieser Kopplungscode ist unbekannt. Bitte den Code am Arbeitsplatz scannen.",
    used: "Dieser Kopplungscode wurde schon von einem anderen Telefon benutzt. Bitte am Arbeitsplatz neu koppeln.",
    expired: "Dieser Kopplungscode ist abgelaufen. Bitte am Arbeitsplatz neu koppeln.",
    ended: "Der Arbeitsplatz hat die Kopplung beendet. Auf diesem Telefon bleibt nichts gespeichert.",
    idle: "Die Kopplung endete nach zehn Minuten ohne Fotos.",
    "time-limit": "Die Kopplung endete nach einer Stunde.",
    locked: "Der Arbeitsplatz wurde gesperrt; die Kopplung ist beendet.",
    "patient-changed": "Am Arbeitsplatz wurde ein anderer Patient geöffnet; die Kopplung ist beendet.",
    "no-token": "Die Anfrage war nicht gekoppelt. Bitte den Code am Arbeitsplatz scannen.",
    unreachable: "Der Arbeitsplatz ist nicht erreichbar; Fotos werden erneut gesendet, sobald er es ist.",
    noCamera: "Die Live-Kamera ist hier nicht verfügbar; bitte die Kamera-App verwenden.",
    "too-many": "Zu viele Fotos in einer Minute; sie werden gleich erneut gesendet.",
    "too-large": "Dieses Foto ist zu groß für PixioDoc (Grenze {0} MB).",
    "not-image": "Diese Datei ist kein Foto, das PixioDoc annimmt.",
    "bad-key": "Der Arbeitsplatz konnte dieses Foto nicht entschlüsseln. Bitte den Code erneut scannen.",
    unavailable: "Der Arbeitsplatz kann gerade keine Fotos speichern; sie werden erneut gesendet.",
  },
};
// The phone's own language, as the secure link's viewer does: its words, and the
// record's body sites and modalities (the pairing sends each name in both).
const LANG = (navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en";
const T = TEXT[LANG];
document.documentElement.lang = LANG;
const named = (names) => (typeof names === "string" ? names : names[LANG] || names.en);

const $ = (id) => document.getElementById(id);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const textEncoder = new TextEncoder();

const state = { key: null, link: null, ended: false, info: null, items: [], queue: Promise.resolve() };
// Served from the clinic's bucket, the page carries the relay's presigned URLs.
const relayConfig = document.getElementById("relay-config");

function say(text, kind) {
  const box = $("message");
  box.textContent = text;
  box.hidden = !text;
  box.dataset.kind = kind || "";
}

function setStatus(text, kind) {
  $("status").textContent = text;
  $("status").dataset.state = kind;
}

function reasonText(data, fallback) {
  return (data && T[data.error]) || (data && data.message) || fallback;
}

// --- pairing ---------------------------------------------------------------------------

async function pair() {
  const keyBytes = keyBytesFromFragment(location.hash);
  history.replaceState(null, "", location.pathname); // the key leaves the address bar
  if (!keyBytes) {
    end("noKey");
    return;
  }
  state.key = await importKey(keyBytes);
  state.link = relayConfig
    ? relayTransport(JSON.parse(relayConfig.textContent), state.key)
    : lanTransport();
  document.body.dataset.route = state.link.route;
  let claimed;
  try {
    claimed = await state.link.claim();
  } catch (e) {
    end("unreachable");
    return;
  }
  if (!claimed.ok) {
    end(claimed.error, claimed);
    return;
  }
  try {
    const plain = await open(state.key, claimed.info, INFO_AAD);
    state.info = JSON.parse(new TextDecoder().decode(plain));
  } catch (e) {
    end("badKey");
    return;
  }
  $("patient").textContent = state.info.patient;
  setStatus(state.link.route === "bucket" ? T.pairedBucket : T.paired, "paired");
  fillPlacement();
  $("shutter").disabled = false;
  startCamera();
  loadGhost();
  setInterval(poll, 2000);
}

function option(select, value, label) {
  const item = document.createElement("option");
  item.value = value;
  item.textContent = label;
  select.append(item);
}

function fillPlacement() {
  const info = state.info;
  const site = $("site");
  option(site, "", T.noSite);
  const sites = info.sites.map(([code, names]) => [code, named(names)]);
  sites.sort((a, b) => a[1].localeCompare(b[1], LANG));
  for (const [code, label] of sites) option(site, code, label);
  site.value = info.site || "";
  const lesion = $("lesion");
  option(lesion, "", T.noLesion);
  for (const [id, label] of info.lesions) option(lesion, id, label);
  lesion.value = info.lesion || "";
  lesion.hidden = info.lesions.length === 0;
  const modality = $("modality");
  for (const [code, names] of info.modalities) option(modality, code, named(names));
  modality.value = info.modality;
  site.addEventListener("change", loadGhost);
  lesion.addEventListener("change", () => {
    const chosen = info.lesions.find((l) => l[0] === lesion.value);
    if (chosen) site.value = chosen[2];
    loadGhost();
  });
}

async function poll() {
  if (state.ended) return;
  try {
    const answer = await state.link.poll();
    if (answer.ended) {
      end(answer.ended);
    } else if ($("message").dataset.kind === "network") {
      say("");
    }
  } catch (e) {
    say(T.unreachable, "network");
  }
}

function end(reason, data) {
  state.ended = true;
  say(reasonText(data || { error: reason }, T.ended), "ended");
  setStatus("", "ended");
  $("shutter").disabled = true;
  $("file-label").classList.add("disabled");
  const video = $("video");
  if (video.srcObject) for (const track of video.srcObject.getTracks()) track.stop();
  video.srcObject = null;
  for (const item of state.items) item.sealed = null;
}

// --- the camera --------------------------------------------------------------------------

let imageCapture = null;

async function startCamera() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say(T.noCamera, "camera");
    return;
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: "environment" }, width: { ideal: 4032 }, height: { ideal: 3024 } },
    });
    if (state.ended) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    $("video").srcObject = stream;
    const track = stream.getVideoTracks()[0];
    if (typeof ImageCapture === "function") imageCapture = new ImageCapture(track);
  } catch (e) {
    say(T.noCamera, "camera");
  }
}

async function frameAsJpeg() {
  const video = $("video");
  if (!video.videoWidth) return null;
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d").drawImage(video, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.95));
}

async function shoot() {
  if (state.ended) return;
  let blob = null;
  if (imageCapture) {
    try {
      blob = await imageCapture.takePhoto(); // full resolution where the phone offers it
    } catch (e) {
      blob = null;
    }
  }
  if (!blob) blob = await frameAsJpeg();
  if (blob) add(blob, "phone-camera.jpg");
}

async function loadGhost() {
  const ghost = $("ghost");
  try {
    const sealed = await state.link.ghost($("site").value, $("lesion").value);
    if (!sealed) {
      ghost.hidden = true;
      $("ghost-control").hidden = true;
      return;
    }
    const plain = await open(state.key, sealed, GHOST_AAD);
    if (ghost.src) URL.revokeObjectURL(ghost.src);
    ghost.src = URL.createObjectURL(new Blob([plain], { type: "image/jpeg" }));
    ghost.hidden = false;
    $("ghost-control").hidden = false;
  } catch (e) {
    ghost.hidden = true;
  }
}

// --- photos: seal, send, retry from memory until committed --------------------------------

function render(item) {
  if (item.state !== "sending") item.showThumb();
  item.node.dataset.state = item.state;
  item.node.querySelector("span").textContent = item.message || T[item.state];
}

async function add(blob, name) {
  const item = { id: null, state: "sending", sealed: null, message: "" };
  item.node = document.createElement("li");
  const thumb = document.createElement("img");
  thumb.alt = "";
  item.node.append(thumb, document.createElement("span"));
  // The picture is decoded for the strip once it is sent: a 12 MP decode would
  // otherwise compete with sealing and sending it.
  item.showThumb = () => {
    thumb.src = URL.createObjectURL(blob);
    item.showThumb = () => {};
  };
  $("strip").prepend(item.node);
  state.items.push(item);
  render(item);
  const meta = textEncoder.encode(
    JSON.stringify({
      name,
      site: $("site").value || null,
      lesion: $("lesion").value || null,
      modality: $("modality").value,
    }),
  );
  const image = new Uint8Array(await blob.arrayBuffer());
  const plain = new Uint8Array(4 + meta.length + image.length);
  new DataView(plain.buffer).setUint32(0, meta.length);
  plain.set(meta, 4);
  plain.set(image, 4 + meta.length);
  if (plain.length > state.info.maxBytes) {
    item.state = "refused";
    item.message = T["too-large"].replace("{0}", String(Math.ceil(state.info.maxBytes / 1048576)));
    render(item);
    return;
  }
  item.id = await state.link.uploadId();
  item.sealed = await seal(state.key, plain, PHOTO_AAD + item.id);
  state.queue = state.queue.then(() => send(item));
}

async function send(item) {
  let delay = 400;
  for (;;) {
    if (state.ended || !item.sealed) {
      item.state = "unsent";
      render(item);
      return;
    }
    const answer = await state.link.send(item.id, item.sealed);
    if (answer.state === "committed") {
      item.state = "committed";
      item.photo = answer.photo;
      item.node.dataset.photo = answer.photo;
      item.sealed = null;
      render(item);
      return;
    }
    if (answer.state === "ended") {
      end(answer.error, answer);
      item.state = "unsent";
      render(item);
      return;
    }
    if (answer.state === "refused") {
      item.state = "refused";
      item.message = reasonText(answer, T.refused);
      item.sealed = null;
      render(item);
      return;
    }
    item.state = "retrying";
    render(item);
    await sleep(delay);
    delay = Math.min(delay * 2, 8000);
  }
}

// --- wiring ----------------------------------------------------------------------------

$("shutter").addEventListener("click", shoot);
$("shutter").setAttribute("aria-label", T.shutter);
$("file-text").textContent = T.file;
$("ghost-label").textContent = T.ghost;
$("ghost-opacity").addEventListener("input", (event) => {
  $("ghost").style.opacity = String(event.target.value / 100);
});
$("file").addEventListener("change", (event) => {
  for (const file of event.target.files) add(file, file.name);
  event.target.value = "";
});
setStatus(T.connecting, "connecting");
pair();
