// The secure-link viewer: everything is decrypted here, in memory; nothing is stored
// in the browser. The envelope helpers above come from aesgcm.js (inlined with this
// file into one page by pixiodoc_desktop/sharing/page.py). The Python half is
// pixiodoc_desktop/sharing/envelope.py.

const WORDS = {
  en: {
    passcodeTitle: "Passcode needed",
    passcodeText: "The clinic gave you a passcode for this link (by phone or in person).",
    passcodeWrong: "That passcode is not right. Try again.",
    open: "Open",
    compare: "Compare two photos",
    saved: "Saved comparison",
    none: "none",
    before: "Before",
    after: "After",
    sideBySide: "Side by side",
    slider: "Slider",
    fit: "Fit",
    close: "Close",
    replyTitle: "Your opinion",
    opinion: "Opinion",
    diagnosis: "Suggested diagnosis",
    recommendation: "Recommendation",
    yourName: "Your name",
    yourRole: "Your role (e.g. dermatologist)",
    send: "Send to the clinic",
    sending: "Sending…",
    sent: "Sent. The clinic receives your opinion at its next sync. Thank you.",
    sendFailed: "Your opinion could not be sent (the link may have expired). Nothing was saved.",
    loading: "Opening the record…",
    years: "years",
    sex: { female: "female", male: "male", other: "other", unknown: "sex unknown" },
    noSite: "No body site",
    uncalibrated: "not calibrated (no size in mm)",
    markArrow: "Arrow",
    markCircle: "Circle",
    markUndo: "Undo",
    marksHint: "To point at something, open a photo and draw an arrow or a circle on it (drag on the photo).",
    marksCount: "Marks on photos: {n}",
    revokedTitle: "This link was revoked",
    revokedText: "The clinic withdrew this link. Ask the clinic for a new one if you still need it.",
    expiredTitle: "This link has expired",
    expiredText: "Secure links work for a limited time. Ask the clinic for a new one.",
    goneTitle: "This link is no longer available",
    goneText: "It has expired or was revoked. Ask the clinic for a new one.",
    damagedTitle: "This link is damaged",
    damagedText: "The record could not be decrypted: the link is incomplete or its data was altered. Ask the clinic to send it again.",
    incompleteText: "The link is incomplete: its key (the part after #) is missing. Copy the whole link.",
    offlineTitle: "The record cannot be loaded",
    offlineText: "The connection failed. Check your internet connection and reload the page.",
    oldBrowserText: "This browser cannot decrypt the record. Use a current Chrome, Edge, Firefox or Safari.",
  },
  de: {
    passcodeTitle: "Zugangscode nötig",
    passcodeText: "Die Praxis hat Ihnen für diesen Link einen Zugangscode genannt (am Telefon oder persönlich).",
    passcodeWrong: "Der Zugangscode stimmt nicht. Bitte erneut versuchen.",
    open: "Öffnen",
    compare: "Zwei Fotos vergleichen",
    saved: "Gespeicherter Vergleich",
    none: "keiner",
    before: "Vorher",
    after: "Nachher",
    sideBySide: "Nebeneinander",
    slider: "Schieberegler",
    fit: "Einpassen",
    close: "Schließen",
    replyTitle: "Ihre Einschätzung",
    opinion: "Einschätzung",
    diagnosis: "Vorgeschlagene Diagnose",
    recommendation: "Empfehlung",
    yourName: "Ihr Name",
    yourRole: "Ihre Funktion (z. B. Dermatologin)",
    send: "An die Praxis senden",
    sending: "Wird gesendet…",
    sent: "Gesendet. Die Praxis erhält Ihre Einschätzung beim nächsten Abgleich. Vielen Dank.",
    sendFailed: "Ihre Einschätzung konnte nicht gesendet werden (der Link ist vielleicht abgelaufen). Es wurde nichts gespeichert.",
    loading: "Akte wird geöffnet…",
    years: "Jahre",
    sex: { female: "weiblich", male: "männlich", other: "divers", unknown: "Geschlecht unbekannt" },
    noSite: "Ohne Körperstelle",
    uncalibrated: "nicht kalibriert (keine Größe in mm)",
    markArrow: "Pfeil",
    markCircle: "Kreis",
    markUndo: "Zurücknehmen",
    marksHint: "Um auf etwas zu zeigen, öffnen Sie ein Foto und zeichnen Sie einen Pfeil oder Kreis darauf (auf dem Foto ziehen).",
    marksCount: "Markierungen auf Fotos: {n}",
    revokedTitle: "Dieser Link wurde widerrufen",
    revokedText: "Die Praxis hat diesen Link zurückgezogen. Bitten Sie die Praxis um einen neuen, falls Sie ihn noch brauchen.",
    expiredTitle: "Dieser Link ist abgelaufen",
    expiredText: "Sichere Links gelten nur für begrenzte Zeit. Bitten Sie die Praxis um einen neuen.",
    goneTitle: "Dieser Link ist nicht mehr verfügbar",
    goneText: "Er ist abgelaufen oder wurde widerrufen. Bitten Sie die Praxis um einen neuen.",
    damagedTitle: "Dieser Link ist beschädigt",
    damagedText: "Die Akte ließ sich nicht entschlüsseln: Der Link ist unvollständig oder die Daten wurden verändert. Bitten Sie die Praxis, ihn erneut zu senden.",
    incompleteText: "Der Link ist unvollständig: Sein Schlüssel (der Teil nach #) fehlt. Kopieren Sie den ganzen Link.",
    offlineTitle: "Die Akte kann nicht geladen werden",
    offlineText: "Die Verbindung ist fehlgeschlagen. Prüfen Sie Ihre Internetverbindung und laden Sie die Seite neu.",
    oldBrowserText: "Dieser Browser kann die Akte nicht entschlüsseln. Verwenden Sie einen aktuellen Chrome, Edge, Firefox oder Safari.",
  },
};

const LANG = (navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en";
const T = WORDS[LANG];
const $ = (id) => document.getElementById(id);
const config = JSON.parse($("link-config").textContent);
const photos = new Map(); // photo id -> entry (with object URLs of decrypted images)
let linkKey = null;
let record = null;

document.documentElement.lang = LANG;
for (const el of document.querySelectorAll("[data-t]")) el.textContent = T[el.dataset.t];

function say(kind, text) {
  $("passcode").hidden = true;
  $("record").hidden = true;
  $("message").hidden = false;
  $("message").dataset.state = kind;
  $("message-title").textContent = T[kind + "Title"] || "";
  $("message-text").textContent = text || T[kind + "Text"];
  document.body.dataset.state = kind;
}

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url, { cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" });
  } catch (e) {
    throw new LinkProblem("offline");
  }
  if (response.status === 403 || response.status === 404) throw new LinkProblem("gone");
  if (!response.ok) throw new LinkProblem("offline");
  return new Uint8Array(await response.arrayBuffer());
}

class LinkProblem extends Error {
  constructor(kind, text) {
    super(kind);
    this.kind = kind;
    this.text = text;
  }
}

async function decrypt(bytes, aad) {
  try {
    return await open(linkKey, bytes, aad);
  } catch (e) {
    throw new LinkProblem("damaged");
  }
}

async function unwrapWithPasscode(fragment, passcode) {
  const p = config.passcode;
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(passcode), "PBKDF2", false, ["deriveBits"]);
  const stretched = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: fromBase64Url(p.salt), iterations: p.iterations },
      base,
      256,
    ),
  );
  const joined = new Uint8Array(64);
  joined.set(fragment, 0);
  joined.set(stretched, 32);
  const wrapping = await importKey(new Uint8Array(await crypto.subtle.digest("SHA-256", joined)));
  try {
    return await importKey(new Uint8Array(await open(wrapping, fromBase64Url(p.wrapped), "pixiodoc-link/v1/key")));
  } catch (e) {
    return null;
  }
}

async function image(photo, kind) {
  const ref = photo[kind];
  const cached = photo["_" + kind];
  if (cached) return cached;
  const plain = await decrypt(await fetchBytes(ref.url), "pixiodoc-link/v1/image/" + ref.name);
  const url = URL.createObjectURL(new Blob([plain]));
  photo["_" + kind] = url;
  return url;
}

function siteName(photo) {
  return (photo.site_labels && photo.site_labels[LANG]) || photo.site_label || T.noSite;
}

function caption(photo) {
  const visit = record.visits.find((v) => v.id === photo.visit);
  const date = visit ? new Date(visit.date + "T12:00:00").toLocaleDateString(LANG) : "";
  return [date, siteName(photo)].join(" · ");
}

function measured(trace) {
  // mm / mm² where the photo was calibrated, in the reader's number format; else say so.
  if (trace.value === null || trace.value === undefined || !trace.unit) return T.uncalibrated;
  const number = new Intl.NumberFormat(LANG, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return number.format(trace.value) + " " + trace.unit;
}

function header() {
  const p = record.patient;
  $("patient").hidden = false;
  $("patient-name").textContent = p.name;
  const facts = [];
  if (p.age !== null && p.age !== undefined) facts.push(p.age + " " + T.years);
  facts.push(T.sex[p.sex] || p.sex);
  $("patient-facts").textContent = facts.join(", ");
  $("clinic").textContent = record.clinic;
}

function groups() {
  // One row per lesion (by its label) or, for photos outside a lesion, per body site.
  const lesions = new Map(record.lesions.map((l) => [l.id, l]));
  const out = new Map();
  for (const photo of record.photos) {
    const key = photo.lesion ? "lesion:" + photo.lesion : "site:" + (photo.site || "");
    if (!out.has(key)) {
      const lesion = lesions.get(photo.lesion);
      const title = lesion ? lesion.label + " (" + siteName(photo) + ")" : siteName(photo);
      out.set(key, { title, photos: [] });
    }
    out.get(key).photos.push(photo);
  }
  return [...out.values()];
}

function timeline() {
  const root = $("timeline");
  const firsts = [];
  for (const group of groups()) {
    const box = document.createElement("div");
    box.className = "group";
    const title = document.createElement("h3");
    title.textContent = group.title;
    box.append(title);
    const row = document.createElement("div");
    row.className = "visits";
    for (const visit of record.visits) {
      const here = group.photos.filter((p) => p.visit === visit.id);
      if (!here.length) continue;
      const cell = document.createElement("div");
      cell.className = "visit";
      const date = document.createElement("div");
      date.className = "date";
      date.textContent = new Date(visit.date + "T12:00:00").toLocaleDateString(LANG);
      const details = document.createElement("div");
      details.className = "details";
      details.textContent = [visit.reason, (visit.conditions || []).join(", ")].filter(Boolean).join(" — ");
      const thumbs = document.createElement("div");
      thumbs.className = "thumbs";
      for (const photo of here) {
        const button = document.createElement("button");
        button.className = "thumb";
        button.type = "button";
        button.dataset.photo = photo.id;
        const img = document.createElement("img");
        img.alt = caption(photo);
        button.append(img);
        button.addEventListener("click", () => show(photo));
        thumbs.append(button);
        firsts.push(
          image(photo, "thumbnail").then(
            (url) =>
              new Promise((done) => {
                img.onload = img.onerror = () => {
                  img.dataset.loaded = "1";
                  // Time to the first photo on screen (ms since navigation; the benchmark reads it).
                  if (!window.pixiodocFirstPhoto) window.pixiodocFirstPhoto = performance.now();
                  done();
                };
                img.src = url;
              }),
          ),
        );
      }
      cell.append(date, thumbs, details);
      row.append(cell);
    }
    box.append(row);
    root.append(box);
  }
  return Promise.all(firsts);
}

// --- the photo viewer: zoom (buttons, wheel, pinch) and pan (drag) ----------------------
const view = { scale: 1, x: 0, y: 0 };
function place() {
  const transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  $("viewer-image").style.transform = transform;
  $("viewer-marks").style.transform = transform;
  $("viewer").dataset.scale = view.scale.toFixed(3);
}
function fit() {
  const img = $("viewer-image");
  const stage = $("viewer-stage").getBoundingClientRect();
  if (!img.naturalWidth) return;
  view.scale = Math.min(stage.width / img.naturalWidth, stage.height / img.naturalHeight);
  view.x = (stage.width - img.naturalWidth * view.scale) / 2;
  view.y = (stage.height - img.naturalHeight * view.scale) / 2;
  place();
}
function zoom(factor, cx, cy) {
  const stage = $("viewer-stage").getBoundingClientRect();
  const x = cx === undefined ? stage.width / 2 : cx;
  const y = cy === undefined ? stage.height / 2 : cy;
  const next = Math.min(16, Math.max(0.05, view.scale * factor));
  view.x = x - ((x - view.x) * next) / view.scale;
  view.y = y - ((y - view.y) * next) / view.scale;
  view.scale = next;
  place();
}
async function show(photo) {
  $("viewer").hidden = false;
  $("viewer-caption").textContent = caption(photo);
  shownPhoto = photo;
  const img = $("viewer-image");
  const svg = $("viewer-marks");
  svg.replaceChildren();
  img.onload = () => {
    svg.setAttribute("width", img.naturalWidth);
    svg.setAttribute("height", img.naturalHeight);
    svg.setAttribute("viewBox", `0 0 ${photo.width} ${photo.height}`);
    svg.setAttribute("preserveAspectRatio", "none");
    fit();
    drawMarks();
    $("viewer").dataset.shown = photo.id;
  };
  img.src = await image(photo, "screen");
}

// --- marks on a photo (with a reply): arrows and circles in the photo's own pixels ------
const SVG = "http://www.w3.org/2000/svg";
const drawn = []; // {photo, kind, points: [[x, y], [x, y]]}, sent with the reply
let tool = null;
let shownPhoto = null;
let pending = null;

function toPhoto(clientX, clientY) {
  const img = $("viewer-image");
  const r = $("viewer-stage").getBoundingClientRect();
  const factor = shownPhoto.width / img.naturalWidth;
  const x = ((clientX - r.left - view.x) / view.scale) * factor;
  const y = ((clientY - r.top - view.y) / view.scale) * factor;
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

function markShape(mark) {
  const group = document.createElementNS(SVG, "g");
  group.dataset.kind = mark.kind;
  const [[x1, y1], [x2, y2]] = mark.points;
  if (mark.kind === "circle") {
    const circle = document.createElementNS(SVG, "circle");
    circle.setAttribute("cx", x1);
    circle.setAttribute("cy", y1);
    circle.setAttribute("r", Math.hypot(x2 - x1, y2 - y1));
    group.append(circle);
    return group;
  }
  const line = document.createElementNS(SVG, "line");
  for (const [name, value] of [["x1", x1], ["y1", y1], ["x2", x2], ["y2", y2]]) line.setAttribute(name, value);
  const size = Math.max(8, shownPhoto.width / 40);
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const wing = (turn) => [x2 - size * Math.cos(angle + turn), y2 - size * Math.sin(angle + turn)].join(",");
  const head = document.createElementNS(SVG, "polygon");
  head.setAttribute("class", "arrowhead");
  head.setAttribute("points", [`${x2},${y2}`, wing(0.45), wing(-0.45)].join(" "));
  group.append(line, head);
  return group;
}

function drawMarks() {
  const svg = $("viewer-marks");
  svg.replaceChildren();
  if (!shownPhoto) return;
  for (const mark of drawn.filter((m) => m.photo === shownPhoto.id)) svg.append(markShape(mark));
  if (pending) svg.append(markShape(pending));
  $("viewer").dataset.marks = String(drawn.filter((m) => m.photo === shownPhoto.id).length);
  const count = $("reply-marks");
  count.textContent = drawn.length ? T.marksCount.replace("{n}", drawn.length) : T.marksHint;
}

function markTools() {
  $("mark-tools").hidden = false;
  const choose = (kind) => {
    tool = tool === kind ? null : kind;
    $("mark-arrow").classList.toggle("on", tool === "arrow");
    $("mark-circle").classList.toggle("on", tool === "circle");
    $("viewer-stage").classList.toggle("marking", tool !== null);
  };
  $("mark-arrow").onclick = () => choose("arrow");
  $("mark-circle").onclick = () => choose("circle");
  $("mark-undo").onclick = () => {
    for (let i = drawn.length - 1; i >= 0; i--) {
      if (shownPhoto && drawn[i].photo === shownPhoto.id) {
        drawn.splice(i, 1);
        break;
      }
    }
    drawMarks();
  };
}
function viewerControls() {
  $("zoom-in").onclick = () => zoom(1.5);
  $("zoom-out").onclick = () => zoom(1 / 1.5);
  $("zoom-fit").onclick = fit;
  $("viewer-close").onclick = () => ($("viewer").hidden = true);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") $("viewer").hidden = true;
  });
  const stage = $("viewer-stage");
  stage.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = stage.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  const pointers = new Map();
  let pinch = 0;
  stage.addEventListener("pointerdown", (e) => {
    stage.setPointerCapture(e.pointerId);
    if (tool && shownPhoto && !pointers.size && !pending) {
      const at = toPhoto(e.clientX, e.clientY);
      pending = { photo: shownPhoto.id, kind: tool, points: [at, at], pointer: e.pointerId };
      return;
    }
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
  });
  stage.addEventListener("pointermove", (e) => {
    if (pending && pending.pointer === e.pointerId) {
      pending.points[1] = toPhoto(e.clientX, e.clientY);
      drawMarks();
      return;
    }
    const last = pointers.get(e.pointerId);
    if (!last) return;
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (pinch) zoom(d / pinch);
      pinch = d;
      return;
    }
    view.x += e.clientX - last[0];
    view.y += e.clientY - last[1];
    place();
  });
  const up = (e) => {
    if (pending && pending.pointer === e.pointerId) {
      const [[x1, y1], [x2, y2]] = pending.points;
      const mark = { photo: pending.photo, kind: pending.kind, points: pending.points };
      pending = null;
      if (Math.hypot(x2 - x1, y2 - y1) * view.scale >= 6) drawn.push(mark); // a click is no mark
      drawMarks();
      return;
    }
    pointers.delete(e.pointerId);
    pinch = 0;
  };
  stage.addEventListener("pointerup", up);
  stage.addEventListener("pointercancel", up);
}

// --- two photos: side by side, or one over the other with a slider ---------------------
// A saved comparison brings the clinic's alignment (a homography, after -> before, in
// photo pixels) and its measurements (traces in photo pixels, values worked out already).
let current = null; // the saved comparison shown, if any

function homographyCss(h, scale) {
  // CSS matrix3d is column-major; a 2D homography becomes the x, y and w rows.
  const m = h.map((row) => row.map(Number));
  const s = scale;
  return `matrix3d(${s * m[0][0]},${s * m[1][0]},0,${m[2][0]},${s * m[0][1]},${s * m[1][1]},0,${m[2][1]},0,0,1,0,${s * m[0][2]},${s * m[1][2]},0,${m[2][2]})`;
}

function align() {
  const b = $("slider-b");
  const pa = photos.get($("compare-a").value);
  const pb = photos.get($("compare-b").value);
  const shown = $("slider-a").getBoundingClientRect().width;
  if (current && current.homography && pa && pb && shown) {
    b.style.width = pb.width + "px";
    b.style.maxWidth = "none";
    b.style.transform = homographyCss(current.homography, shown / pa.width);
    $("slider").dataset.aligned = "1";
  } else {
    b.style.width = "";
    b.style.maxWidth = "";
    b.style.transform = "";
    delete $("slider").dataset.aligned;
  }
}

function marks() {
  const list = $("measurements");
  list.replaceChildren();
  for (const [side, id, photoId] of [["before", "marks-a", $("compare-a").value], ["after", "marks-b", $("compare-b").value]]) {
    const svg = $(id);
    svg.replaceChildren();
    const photo = photos.get(photoId);
    if (!photo) continue;
    svg.setAttribute("viewBox", `0 0 ${photo.width} ${photo.height}`);
    svg.setAttribute("preserveAspectRatio", "none");
    if (!current) continue;
    for (const trace of current.measurements.filter((t) => t.side === side)) {
      const ns = "http://www.w3.org/2000/svg";
      const shape = document.createElementNS(ns, trace.kind === "distance" ? "polyline" : "polygon");
      shape.setAttribute("points", trace.points.map((p) => p.join(",")).join(" "));
      svg.append(shape);
      const label = document.createElementNS(ns, "text");
      const [x, y] = trace.points[0] || [0, 0];
      label.setAttribute("x", x);
      label.setAttribute("y", y);
      label.setAttribute("font-size", String(Math.round(photo.width / 28)));
      label.textContent = trace.label;
      svg.append(label);
    }
  }
  if (!current) return;
  for (const trace of current.measurements) {
    const item = document.createElement("li");
    const side = trace.side === "before" ? T.before : T.after;
    item.textContent = `${trace.label ? trace.label + " · " : ""}${side}: ${measured(trace)}`;
    list.append(item);
  }
}

function comparison() {
  const a = $("compare-a");
  const b = $("compare-b");
  for (const photo of record.photos) {
    for (const select of [a, b]) {
      const option = document.createElement("option");
      option.value = photo.id;
      option.textContent = caption(photo);
      select.append(option);
    }
  }
  if (record.photos.length < 2) {
    $("compare").hidden = true;
    return;
  }
  const saved = $("saved");
  const comparisons = record.comparisons || [];
  $("saved-label").hidden = !comparisons.length;
  const empty = document.createElement("option");
  empty.value = "";
  empty.textContent = T.none;
  saved.append(empty);
  comparisons.forEach((c, n) => {
    const option = document.createElement("option");
    option.value = String(n);
    option.textContent = c.title || `${caption(photos.get(c.before))} / ${caption(photos.get(c.after))}`;
    saved.append(option);
  });
  const draw = async () => {
    const pa = photos.get(a.value);
    const pb = photos.get(b.value);
    const [ua, ub] = await Promise.all([image(pa, "screen"), image(pb, "screen")]);
    $("side-a").src = $("slider-a").src = ua;
    $("side-b").src = $("slider-b").src = ub;
    $("cap-a").textContent = caption(pa);
    $("cap-b").textContent = caption(pb);
    await Promise.all(["slider-a", "slider-b"].map((id) => $(id).decode().catch(() => null)));
    marks();
    align();
  };
  const choose = () => {
    current = saved.value === "" ? null : comparisons[Number(saved.value)];
    if (current) {
      a.value = current.before;
      b.value = current.after;
    }
    return draw();
  };
  saved.onchange = choose;
  a.onchange = b.onchange = () => {
    current = null;
    saved.value = "";
    return draw();
  };
  const mode = (slider) => {
    $("slider").hidden = !slider;
    $("side").hidden = slider;
    $("mode-slider").classList.toggle("on", slider);
    $("mode-side").classList.toggle("on", !slider);
    align();
  };
  $("mode-side").onclick = () => mode(false);
  $("mode-slider").onclick = () => mode(true);
  window.addEventListener("resize", align);
  $("slider-pos").oninput = () => {
    const v = $("slider-pos").value;
    $("slider-b-wrap").style.clipPath = `inset(0 0 0 ${v}%)`;
    $("slider-line").style.left = v + "%";
  };
  mode(false);
  if (comparisons.length) {
    saved.value = "0";
    return choose();
  }
  // Default: the first and last photo of the first group (the same spot over time).
  const first = groups()[0].photos;
  a.value = first[0].id;
  b.value = first.length > 1 ? first[first.length - 1].id : record.photos[1].id;
  return draw();
}

// --- the reply, sealed to the clinic's X25519 key ---------------------------------------
function replyForm() {
  const slot = record.reply;
  if (!slot) return;
  $("reply").hidden = false;
  markTools();
  drawMarks();
  $("reply-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const status = $("reply-status");
    $("reply-send").disabled = true;
    status.textContent = T.sending;
    try {
      const body = new TextEncoder().encode(
        JSON.stringify({
          opinion: $("reply-opinion").value,
          diagnosis: $("reply-diagnosis").value,
          recommendation: $("reply-recommendation").value,
          name: $("reply-name").value,
          role: $("reply-role").value,
          written_at: new Date().toISOString(),
          marks: drawn,
        }),
      );
      const clinicRaw = fromBase64Url(slot.clinic_key);
      const clinic = await crypto.subtle.importKey("raw", clinicRaw, { name: "X25519" }, false, []);
      const mine = await crypto.subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
      const shared = await crypto.subtle.deriveBits({ name: "X25519", public: clinic }, mine.privateKey, 256);
      const mineRaw = new Uint8Array(await crypto.subtle.exportKey("raw", mine.publicKey));
      const salt = new Uint8Array(64);
      salt.set(mineRaw, 0);
      salt.set(clinicRaw, 32);
      const hkdfKey = await crypto.subtle.importKey("raw", shared, "HKDF", false, ["deriveKey"]);
      const key = await crypto.subtle.deriveKey(
        { name: "HKDF", hash: "SHA-256", salt, info: new TextEncoder().encode("pixiodoc-link/v1/reply") },
        hkdfKey,
        { name: "AES-GCM", length: 256 },
        false,
        ["encrypt"],
      );
      const sealed = await seal(key, body, slot.aad);
      const out = new Uint8Array(32 + sealed.length);
      out.set(mineRaw, 0);
      out.set(sealed, 32);
      const response = await fetch(slot.url, { method: "PUT", body: out, credentials: "omit" });
      if (!response.ok) throw new Error("status " + response.status);
      status.textContent = T.sent;
      status.dataset.sent = "1";
    } catch (err) {
      status.textContent = T.sendFailed;
      $("reply-send").disabled = false;
    }
  });
}

async function openRecord() {
  say("loading", T.loading);
  $("message-title").textContent = "";
  const sealed = await fetchBytes(config.index);
  record = JSON.parse(new TextDecoder().decode(await decrypt(sealed, "pixiodoc-link/v1/index/" + config.index_name)));
  for (const photo of record.photos) photos.set(photo.id, photo);
  $("message").hidden = true;
  $("record").hidden = false;
  document.body.dataset.state = "open";
  header();
  viewerControls();
  replyForm();
  await Promise.all([timeline(), comparison()]);
  document.body.dataset.ready = "1";
}

async function start() {
  if (config.state === "revoked" || config.state === "expired") return say(config.state);
  if (Date.parse(config.expires_at) < Date.now()) return say("expired");
  if (!window.crypto || !crypto.subtle) return say("damaged", T.oldBrowserText);
  const fragment = keyBytesFromFragment(location.hash);
  if (!fragment) return say("damaged", T.incompleteText);
  try {
    if (config.passcode) {
      $("passcode").hidden = false;
      $("passcode-input").focus();
      $("passcode").onsubmit = async (e) => {
        e.preventDefault();
        $("passcode-open").disabled = true;
        const key = await unwrapWithPasscode(fragment, $("passcode-input").value);
        $("passcode-open").disabled = false;
        if (!key) {
          $("passcode-error").hidden = false;
          return;
        }
        linkKey = key;
        $("passcode").hidden = true;
        openRecord().catch(trouble);
      };
      return;
    }
    linkKey = await importKey(fragment);
    await openRecord();
  } catch (err) {
    trouble(err);
  }
}

function trouble(err) {
  say(err instanceof LinkProblem ? err.kind : "damaged", err instanceof LinkProblem ? err.text : undefined);
}

start();
