// Placard's pages: progressive enhancement over plain HTML forms, and the keyboard-driven
// staff screens over the JSON API. No framework, no third-party code, nothing from another
// origin. Everything a supporter typed is inserted with textContent, never as HTML.
"use strict";

(function () {
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const el = (tag, props, children) => {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children || []) e.append(c);
    return e;
  };
  // ---- The page's language: its messages (`js-*` in the locale files) come in the body's
  // `data-l10n`; `{name}` marks an argument, and a message with a plural has one form per
  // plural category of the language, chosen here by Intl.PluralRules.
  const lang = document.documentElement.lang || "en";
  const L10N = (() => { try { return JSON.parse(document.body.dataset.l10n || "{}"); } catch (_) { return {}; } })();
  // Arabic pages use Western digits, as the server writes them.
  const numbers = (() => { try { return new Intl.NumberFormat(lang === "ar" ? "ar-u-nu-latn" : lang); } catch (_) { return null; } })();
  const plurals = (() => { try { return new Intl.PluralRules(lang); } catch (_) { return null; } })();
  function t(key, args) {
    let m = L10N["js-" + key];
    args = args || {};
    if (m && typeof m === "object") {
      const n = Number(args[m._n]);
      m = m[plurals ? plurals.select(n) : "other"] || m.other;
    }
    if (typeof m !== "string") return key;
    return m.replace(/\{(\w+)\}/g, (all, name) => {
      if (!(name in args)) return all;
      const v = args[name];
      return typeof v === "number" && numbers ? numbers.format(v) : String(v);
    });
  }

  /** A length of time in words: "2 days 3 h", "3 h 12 min", with seconds when asked. */
  function span(s, seconds) {
    const d = Math.floor(s / 86400); s %= 86400;
    const h = Math.floor(s / 3600); s %= 3600;
    const m = Math.floor(s / 60); s %= 60;
    const parts = [];
    if (d) parts.push(t("days", { n: d }));
    if (d || h) parts.push(t("hours", { n: h }));
    if (!d || seconds) parts.push(t("minutes", { n: m }));
    if (seconds) parts.push(t("seconds", { n: s }));
    return parts.join(" ");
  }

  /** Same-origin path of an absolute media URL, so images load from the page's own origin. */
  const local = (url) => { try { const u = new URL(url, location.href); return u.pathname + u.search; } catch (_) { return url; } };

  // ---- JSON API calls (staff screens): the session cookie rides along; the CSRF token goes
  // in a header on every state-changing request.
  const csrf = () => ($("#app") || {}).dataset?.csrf || "";
  async function api(method, url, body) {
    const headers = { "Accept": "application/json" };
    if (method !== "GET") headers["X-CSRF-Token"] = csrf();
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(url, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 204) return null;
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const err = new Error((data && data.error && data.error.message) || ("HTTP " + res.status));
      err.code = data && data.error && data.error.code;
      err.status = res.status;
      throw err;
    }
    return data;
  }

  // ---- Blurhash (https://blurha.sh), decoded into a small canvas and set as the image's
  // background until the picture itself arrives.
  const B83 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
  const d83 = (s) => { let v = 0; for (const c of s) { const i = B83.indexOf(c); if (i < 0) throw new Error("blurhash"); v = v * 83 + i; } return v; };
  const toLinear = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const toSrgb = (v) => { v = Math.max(0, Math.min(1, v)); return Math.round(v <= 0.0031308 ? v * 12.92 * 255 + 0.5 : (1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5); };
  const signPow = (v, e) => Math.sign(v) * Math.pow(Math.abs(v), e);
  function blurhashToDataUrl(hash, w, h) {
    const size = d83(hash[0]), nx = (size % 9) + 1, ny = Math.floor(size / 9) + 1;
    if (hash.length !== 4 + 2 * nx * ny) throw new Error("blurhash length");
    const maxAc = (d83(hash[1]) + 1) / 166;
    const colors = [];
    const dc = d83(hash.slice(2, 6));
    colors.push([toLinear(dc >> 16), toLinear((dc >> 8) & 255), toLinear(dc & 255)]);
    for (let i = 1; i < nx * ny; i++) {
      const v = d83(hash.slice(4 + i * 2, 6 + i * 2));
      const q = (x) => signPow((x - 9) / 9, 2) * maxAc;
      colors.push([q(Math.floor(v / 361)), q(Math.floor(v / 19) % 19), q(v % 19)]);
    }
    const canvas = el("canvas", { width: w, height: h });
    const ctx = canvas.getContext("2d");
    const img = ctx.createImageData(w, h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      let r = 0, g = 0, b = 0;
      for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
        const basis = Math.cos(Math.PI * x * i / w) * Math.cos(Math.PI * y * j / h);
        const c = colors[i + j * nx];
        r += c[0] * basis; g += c[1] * basis; b += c[2] * basis;
      }
      const p = 4 * (x + y * w);
      img.data[p] = toSrgb(r); img.data[p + 1] = toSrgb(g); img.data[p + 2] = toSrgb(b); img.data[p + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    return canvas.toDataURL();
  }
  function placeholders(root) {
    for (const img of $$("img[data-blurhash]", root)) {
      const hash = img.dataset.blurhash;
      if (!hash || img.complete && img.naturalWidth) continue;
      try { img.style.backgroundImage = "url(" + blurhashToDataUrl(hash, 16, 16) + ")"; } catch (_) { /* a bad hash leaves the plain background */ }
      img.addEventListener("load", () => { img.style.backgroundImage = ""; }, { once: true });
    }
  }

  // ---- Country names in the visitor's language (the page lists ISO codes).
  // ---- Country names come from the server, in the page's language; here they are only
  // sorted again by the browser's own collation, which knows the language's alphabet. The
  // staff screens, built from the API's codes, name them with Intl.DisplayNames.
  function countryNames() {
    const opts = $$("#country option").filter((o) => o.value);
    opts.sort((a, b) => a.textContent.localeCompare(b.textContent, lang));
    for (const o of opts) o.parentNode.append(o);
  }
  const regions = (() => { try { return new Intl.DisplayNames([lang], { type: "region" }); } catch (_) { return null; } })();
  const countryName = (code) => { try { return (regions && regions.of(code)) || code; } catch (_) { return code; } };

  // ---- Campaign page: boxes the supporter draws on the preview, to be pixelated. Stored as
  // fractions of the photo as shown (the browser shows it upright, as the server reads them)
  // in the hidden `blur` field. Pointer events cover mouse, touch and pen; each box is also a
  // focusable control moved with the arrow keys, and listed with a Remove button.
  function blurBoxes(preview) {
    const field = $("#blur-field"), stage = $("#blur-stage"), out = $("#blur-regions");
    const list = $("#blur-list"), count = $("#blur-count"), add = $("#blur-add");
    const none = { reset() {}, show() {} };
    if (!field || !stage || !out) return none;
    stage.append(preview);
    // Pressing on an image and moving would otherwise start the browser's own drag of it.
    preview.draggable = false;
    preview.addEventListener("dragstart", (e) => e.preventDefault());
    let rects = [];
    const MAX = 20, MIN = 0.02, clamp = (v, a, b) => Math.max(a, Math.min(b, v));
    const save = () => {
      out.value = rects.length ? JSON.stringify(rects.map((r) => ({ x: +r.x.toFixed(4), y: +r.y.toFixed(4), w: +r.w.toFixed(4), h: +r.h.toFixed(4) }))) : "";
      count.textContent = rects.length ? t("blur-count", { n: rects.length }) : "";
      add.disabled = rects.length >= MAX;
    };
    const draw = (focusIndex) => {
      for (const b of $$(".blur-box", stage)) b.remove();
      list.replaceChildren();
      rects.forEach((r, i) => {
        const box = el("div", { className: "blur-box", tabIndex: 0 });
        box.setAttribute("role", "img");
        box.setAttribute("aria-label", t("blur-box", { n: i + 1 }));
        // Boxes are where they are on the photo, whatever the page's direction.
        box.style.left = 100 * r.x + "%"; box.style.top = 100 * r.y + "%";
        box.style.width = 100 * r.w + "%"; box.style.height = 100 * r.h + "%";
        box.addEventListener("keydown", (e) => {
          const step = 0.02, k = e.key;
          const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
          if (k === "Delete" || k === "Backspace") { rects.splice(i, 1); e.preventDefault(); draw(Math.min(i, rects.length - 1)); save(); return; }
          if (!moves[k]) return;
          e.preventDefault();
          const [dx, dy] = moves[k];
          if (e.shiftKey) { r.w = clamp(r.w + dx, MIN, 1 - r.x); r.h = clamp(r.h + dy, MIN, 1 - r.y); }
          else { r.x = clamp(r.x + dx, 0, 1 - r.w); r.y = clamp(r.y + dy, 0, 1 - r.h); }
          draw(i); save();
        });
        stage.append(box);
        const remove = el("button", { type: "button", className: "secondary", textContent: t("blur-remove", { n: i + 1 }) });
        remove.addEventListener("click", () => { rects.splice(i, 1); draw(); save(); add.focus(); });
        list.append(el("li", {}, [remove]));
        if (i === focusIndex) box.focus();
      });
    };
    add.addEventListener("click", () => {
      if (rects.length >= MAX) return;
      rects.push({ x: 0.35, y: 0.3, w: 0.3, h: 0.3 });
      draw(rects.length - 1); save();
    });
    // Drawing: press, drag, release. A tap without a drag adds nothing.
    let start = null, ghost = null;
    const at = (e) => {
      const b = preview.getBoundingClientRect();
      return { x: clamp((e.clientX - b.left) / b.width, 0, 1), y: clamp((e.clientY - b.top) / b.height, 0, 1) };
    };
    const span = (a, b) => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });
    stage.addEventListener("pointerdown", (e) => {
      if (e.target !== preview || rects.length >= MAX) return;
      e.preventDefault();
      start = at(e);
      ghost = el("div", { className: "blur-box drawing" });
      stage.append(ghost);
      try { stage.setPointerCapture(e.pointerId); } catch (_) { /* some synthetic pointers cannot be captured */ }
    });
    stage.addEventListener("pointermove", (e) => {
      if (!start || !ghost) return;
      const r = span(start, at(e));
      ghost.style.left = 100 * r.x + "%"; ghost.style.top = 100 * r.y + "%";
      ghost.style.width = 100 * r.w + "%"; ghost.style.height = 100 * r.h + "%";
    });
    const finish = (e) => {
      if (!start) return;
      const r = span(start, at(e));
      start = null; if (ghost) ghost.remove(); ghost = null;
      if (r.w >= MIN && r.h >= MIN) { rects.push(r); draw(); save(); }
    };
    stage.addEventListener("pointerup", finish);
    stage.addEventListener("pointercancel", () => { start = null; if (ghost) ghost.remove(); ghost = null; });
    return {
      reset() { rects = []; draw(); save(); },
      show(on) { field.hidden = !on; },
    };
  }

  // ---- Campaign page: preview, upload with a progress bar, the receipt in place.
  function campaignPage() {
    const form = $("#upload-form");
    if (!form) return;
    const messages = JSON.parse(form.dataset.messages || "{}");
    const errorBox = $("#form-error");
    const progress = $("#progress"), progressText = $("#progress-text");
    const button = $("#send-button");
    const showError = (text) => { errorBox.textContent = text; errorBox.hidden = false; errorBox.focus && errorBox.scrollIntoView({ block: "nearest" }); };
    const words = (code, message) => {
      const w = messages[code];
      if (!w) return message || messages.internal_error;
      return code === "invalid_field" && message ? w + " " + message : w;
    };
    const input = $("#photo"), preview = $("#preview");
    const boxes = blurBoxes(preview);
    input.addEventListener("change", () => {
      const f = input.files && input.files[0];
      if (preview.src) URL.revokeObjectURL(preview.src);
      boxes.reset();
      if (!f) { preview.hidden = true; boxes.show(false); return; }
      // The type is checked on choice, not after a long upload on a slow connection.
      const known = ["image/jpeg", "image/png", "image/webp"].includes(f.type) || (!f.type && /\.(jpe?g|png|webp)$/i.test(f.name));
      if (!known) { input.value = ""; preview.hidden = true; boxes.show(false); showError(words("unsupported_media_type")); return; }
      preview.onerror = () => { preview.hidden = true; boxes.show(false); showError(words("invalid_image")); };
      preview.src = URL.createObjectURL(f);
      preview.hidden = false;
      boxes.show(true);
      const maxMib = Number(form.dataset.maxMib || 20);
      errorBox.hidden = true;
      if (f.size > maxMib * 1024 * 1024) showError(words("payload_too_large"));
    });
    form.addEventListener("submit", (ev) => {
      if (!window.FormData || !window.XMLHttpRequest) return; // the plain form posts itself
      ev.preventDefault();
      errorBox.hidden = true;
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.dataset.api);
      xhr.setRequestHeader("Accept", "application/json");
      progress.hidden = false; progress.value = 0; button.disabled = true;
      xhr.upload.addEventListener("progress", (e) => {
        if (!e.lengthComputable) return;
        const pct = Math.round(100 * e.loaded / e.total);
        progress.value = pct; progress.textContent = pct + "%";
        progressText.textContent = pct < 100 ? t("sending", { pct }) : t("checking");
      });
      const done = () => { button.disabled = false; progress.hidden = true; progressText.textContent = ""; };
      xhr.addEventListener("load", () => {
        done();
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (_) { /* not JSON */ }
        if (xhr.status === 202 && body) {
          const link = location.origin + "/p/" + body.id + "?lang=" + encodeURIComponent(lang) + "&receipt=" + encodeURIComponent(body.receipt_token);
          $("#status-link").href = link;
          $("#receipt-url").value = link;
          $("#send").hidden = true;
          const receipt = $("#receipt");
          receipt.hidden = false;
          receipt.tabIndex = -1; receipt.focus();
        } else {
          const e = body && body.error;
          showError(words(e ? e.code : "internal_error", e && e.message));
        }
      });
      xhr.addEventListener("error", () => { done(); showError(t("connection-lost")); });
      xhr.send(new FormData(form));
    });
  }

  // ---- Contest page: a countdown to the announcement; the page reloads to show results.
  function contestPage() {
    const when = $("#countdown"), left = $("#countdown-left");
    if (!when || !left) return;
    const at = Date.parse(when.getAttribute("datetime"));
    const tick = () => {
      let s = Math.max(0, Math.floor((at - Date.now()) / 1000));
      if (s === 0) { left.textContent = " " + t("countdown-now"); setTimeout(() => location.reload(), 3000); return; }
      left.textContent = " " + t("countdown-in", { left: span(s, true) });
      setTimeout(tick, 1000);
    };
    tick();
  }

  // ---- Status pages: while a photo is being prepared, the page asks again every few
  // seconds and puts what changed in its live region, which a screen reader announces
  // without losing the reader's place (a reload would). Without the script, a link does it.
  function statusPage() {
    const every = Number(document.body.dataset.poll || 0);
    const live = $("#live");
    if (!every || !live) return;
    const again = $("#check-again");
    if (again) again.hidden = true;
    let tries = 0;
    const poll = async () => {
      tries += 1;
      let doc = null;
      try {
        const res = await fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } });
        if (res.ok) doc = new DOMParser().parseFromString(await res.text(), "text/html");
      } catch (_) { /* offline for a moment: try again */ }
      const status = doc && $("#status", doc);
      if (status && status.dataset.status !== $("#status").dataset.status) {
        $("#status").replaceWith(document.importNode(status, true));
        $("#status-words").textContent = $("#status-words", doc).textContent;
        const photo = $("#photo-box", doc);
        if (photo) $("#photo-box").replaceWith(document.importNode(photo, true));
      }
      const still = doc ? doc.body.dataset.poll : "1";
      // Slower after a minute; the link comes back after ten.
      if (still && tries < 200) setTimeout(poll, tries < 20 ? every : every * 5);
      else if (again && still) again.hidden = false;
    };
    setTimeout(poll, every);
  }

  // ---- Keyboard helpers for the staff screens.
  /** Single-key shortcuts can be turned off (a speech-input or switch user may trigger
   * them by accident); the choice is kept in this browser. They never fire in a field. */
  function shortcutsSwitch() {
    const box = $("#shortcuts");
    if (!box) return () => true;
    box.checked = localStorage.getItem("placard.shortcuts") !== "0";
    const apply = () => {
      localStorage.setItem("placard.shortcuts", box.checked ? "1" : "0");
      document.body.classList.toggle("no-shortcuts", !box.checked);
    };
    box.addEventListener("change", () => { apply(); if (!box.checked) say(t("shortcuts-off")); else say(""); });
    apply();
    return () => box.checked;
  }
  const typing = (e) => {
    const f = e.target;
    if (!f || !f.tagName) return false;
    if (f.tagName === "TEXTAREA" || f.tagName === "SELECT") return true;
    if (f.tagName === "INPUT") return !["checkbox", "radio", "button", "submit"].includes(f.type) || e.key === " ";
    return f.isContentEditable;
  };
  const say = (text) => { const m = $("#message"); if (m) m.textContent = text; };
  /** A staff screen's failed action, told in the message line. A session that has ended
   * (signed out elsewhere, the account revoked or its token rotated) goes back to signing in. */
  function failed(e) {
    if (e.status === 401) {
      say(t("session-ended"));
      document.body.classList.add("session-ended");
      setTimeout(() => location.reload(), 2500);
      return;
    }
    say(e.message + (e.code ? " (" + e.code + ")" : ""));
  }

  // ---- Moderation screen.
  function moderatePage() {
    const app = $("#app");
    if (!app) return;
    const reasons = $$("#reasons [data-reason]").map((b) => b.dataset.reason);
    const st = { kind: null, slug: null, mode: "one", current: null, skip: [], last: null, rejecting: false, list: [], index: 0, selected: new Set() };
    // Blurred previews: the moderator's own choice (kept in this browser), on from the
    // start for a campaign whose operators asked for it.
    const blur = $("#blur");
    blur.checked = localStorage.getItem("placard.blur") === "1";
    const applyBlur = () => { app.classList.toggle("blurred", blur.checked); };
    blur.addEventListener("change", () => { localStorage.setItem("placard.blur", blur.checked ? "1" : "0"); applyBlur(); });
    applyBlur();
    const revealed = (img) => !blur.checked || img.classList.contains("revealed");
    // Grid thumbnails are drawn again on every move: which were shown is kept by id.
    const shown = new Set();
    const reveal = (img, on) => {
      if (!img) return;
      const v = img.classList.toggle("revealed", on === undefined ? !img.classList.contains("revealed") : on);
      if (img.dataset.shownId) { if (v) shown.add(img.dataset.shownId); else shown.delete(img.dataset.shownId); }
    };

    // This sitting's count (this tab, until it closes or is reset), and a gentle word once
    // it reaches the number the campaign's operators set.
    const sitting = { get n() { return Number(sessionStorage.getItem("placard.sitting") || 0); }, set n(v) { sessionStorage.setItem("placard.sitting", String(v)); } };
    function counted(k) {
      sitting.n = sitting.n + k;
      showSitting();
    }
    function showSitting() {
      const n = sitting.n, box = $("#sitting");
      const opt = $("#what").selectedOptions[0];
      const every = Number((opt && opt.dataset.pauseAfter) || 0);
      box.hidden = n === 0;
      const pause = every > 0 && n >= every;
      box.classList.toggle("pause", pause);
      $("#sitting-words").textContent = pause ? t("pause-suggested", { n }) : t("sitting-count", { n });
    }
    $("#sitting-reset").addEventListener("click", () => { sitting.n = 0; showSitting(); });

    if (window.matchMedia && window.matchMedia("(min-width: 48rem)").matches) $("#view-options").open = true;
    const base = () => st.kind === "photos" ? "/api/v1/moderation/photos" : "/api/v1/moderation/entries";
    const describe = (p) => [p.caption ? "“" + p.caption + "”" : null, p.display_name, p.country && countryName(p.country)].filter(Boolean).join(" · ") || t("no-caption");
    const shortcuts = shortcutsSwitch();
    const reasonWords = (code) => { const b = $("#reasons [data-reason=\"" + code + "\"]"); return b ? b.dataset.words : code; };
    const rejecting = (on) => {
      st.rejecting = on; $("#reasons").hidden = !on;
      if (on) { say(t("reject-prompt")); const first = $("#reasons [data-reason]"); if (first) first.focus(); }
    };

    // Ages in whole minutes, a minute at least ("0 min ago" reads as a mistake).
    const ago = (at) => span(Math.max(60, Math.floor((Date.now() - Date.parse(at)) / 1000)), false);
    /** "412 left · oldest sent 3 h ago · 2 held by other moderators": asked again after
     * every step; a failure here never stops the moderator. */
    async function refreshQueue() {
      const q = st.kind && await api("GET", "/api/v1/moderation/queue?" + (st.kind === "photos" ? "campaign=" : "contest=") + encodeURIComponent(st.slug)).catch(() => null);
      if (!q) { $("#queue").textContent = ""; return; }
      const parts = [t("queue-left", { n: q.left })];
      if (q.oldest_at) parts.push(t("queue-oldest", { age: ago(q.oldest_at) }));
      if (q.held_by_others) parts.push(t("queue-held", { n: q.held_by_others }));
      $("#queue").textContent = parts.join(" · ");
    }
    /** The photo fits the screen; Z, the button or a tap shows the original at full size. */
    function zoom(on) {
      const item = st.current;
      if (st.kind !== "photos" || st.mode !== "one" || !item) return;
      st.zoomed = on === undefined ? !st.zoomed : on;
      $("#one").classList.toggle("zoomed", st.zoomed);
      $("[data-act=zoom]").setAttribute("aria-pressed", String(st.zoomed));
      const img = $("#current");
      img.src = st.zoomed ? "/api/v1/moderation/photos/" + encodeURIComponent(item.id) + "/original" : (item.thumbnails ? local(item.thumbnails.large.url) : "");
    }
    function showOne(item) {
      st.current = item;
      const sec = $("#one");
      zoom(false);
      if (!item) { sec.hidden = true; say(t("queue-done")); return; }
      sec.hidden = false;
      const img = $("#current");
      reveal(img, false);
      img.src = item.thumbnails ? local(item.thumbnails.large.url) : "";
      img.dataset.id = item.id;
      $("#current-caption").textContent = describe(item);
      $("#current-sent").textContent = item.submitted_at ? t("sent-ago", { age: ago(item.submitted_at) }) : "";
      // On a small screen the photo is brought up under the sticky buttons, whole.
      const bar = $("#actions").getBoundingClientRect(), top = sec.getBoundingClientRect().top;
      if (top > window.innerHeight * 0.5) window.scrollBy(0, top - bar.height - 8);
      const flags = $("#flags"); flags.replaceChildren();
      for (const f of item.flags || []) {
        flags.append(el("li", { textContent: f.kind === "duplicate" ? t("flag-duplicate") : t("flag-near-duplicate", { distance: f.distance }) }));
      }
      const rel = (item.related || [])[0];
      $("#related-figure").hidden = !rel || !rel.thumbnails;
      if (rel && rel.thumbnails) { $("#related").src = local(rel.thumbnails.large.url); $("#related-caption").textContent = t("earlier-photo", { status: t("state-" + rel.status.replace("_", "-")) }); }
    }
    async function next() {
      const claim = () => api("POST", "/api/v1/moderation/photos/next?campaign=" + encodeURIComponent(st.slug) + (st.filter === "flagged" ? "&flagged=true" : "") + (st.skip.length ? "&skip=" + st.skip.join(",") : ""));
      const gen = st.gen;
      let item = await claim();
      // Skipped photos are still this moderator's (their claims hold): once nothing else is
      // left, they come back, oldest first, instead of a "done" that is not true.
      if (!item && st.skip.length && gen === st.gen) { st.skip = []; item = await claim(); if (item) say(t("skipped-back")); }
      // The view changed meanwhile (another campaign, filter or mode): this answer is stale.
      if (gen !== st.gen) return;
      showOne(item);
      await refreshQueue();
    }
    async function loadList() {
      const gen = st.gen;
      const status = st.filter === "approved" || st.filter === "rejected" ? st.filter : "pending_review";
      let list;
      if (st.kind === "photos") {
        const url = "/api/v1/moderation/photos?limit=60&status=" + status + "&campaign=" + encodeURIComponent(st.slug);
        // Flagged only: both kinds of flag, merged oldest first.
        const pages = st.filter === "flagged"
          ? await Promise.all(["duplicate", "near_duplicate"].map((f) => api("GET", url + "&flag=" + f)))
          : [await api("GET", url)];
        const seen = new Set();
        list = pages.flatMap((p) => p.items).filter((p) => !seen.has(p.id) && seen.add(p.id)).sort((a, b) => a.submitted_at < b.submitted_at ? -1 : a.submitted_at > b.submitted_at ? 1 : 0);
      } else {
        list = (await api("GET", "/api/v1/moderation/contests/" + encodeURIComponent(st.slug) + "/entries?limit=200&status=" + status)).items;
      }
      if (gen !== st.gen) return;
      st.list = list;
      st.index = 0; st.selected.clear();
      // Decided items are listed to look back at: the bulk decisions are for what waits.
      $(".bulk").hidden = status !== "pending_review";
      render();
      if (!st.list.length) say(t("queue-done"));
      await refreshQueue();
    }
    function render() {
      if (st.kind === "entries") {
        const ol = $("#entry-items"); ol.replaceChildren();
        st.list.forEach((e, i) => {
          const who = [e.author_name, t("sent-ago", { age: ago(e.submitted_at) })].filter(Boolean).join(" · ");
          const li = el("li", { tabIndex: -1 }, [
            el("span", { className: "slogan", textContent: e.slogan, dir: "auto" }),
            el("span", { className: "state state-" + e.status, textContent: t("state-" + e.status.replace("_", "-")) }),
            el("span", { className: "who", textContent: who }),
          ]);
          li.dataset.id = e.id;
          if (e.status !== "pending_review") li.classList.add("decided");
          if (i === st.index) li.classList.add("current");
          ol.append(li);
        });
        // The list's end says so, with what is left to decide.
        const left = st.list.filter((e) => e.status === "pending_review").length;
        $("#entries-end").textContent = st.list.length ? t("entries-end", { n: st.list.length, left }) : "";
      } else {
        const ul = $("#grid-items"); ul.replaceChildren();
        st.list.forEach((p, i) => {
          const box = el("input", { type: "checkbox", id: "sel-" + p.id, checked: st.selected.has(p.id) });
          box.addEventListener("change", () => { box.checked ? st.selected.add(p.id) : st.selected.delete(p.id); li.classList.toggle("selected", box.checked); });
          const img = el("img", { src: p.thumbnails ? local(p.thumbnails.small.url) : "", alt: t("photo-alt", { what: describe(p) }), loading: "lazy", width: 320, height: 320 });
          if (p.blurhash) img.dataset.blurhash = p.blurhash;
          img.dataset.shownId = p.id;
          if (shown.has(p.id)) img.classList.add("revealed");
          img.addEventListener("click", () => reveal(img));
          const li = el("li", {}, [el("figure", {}, [img, el("label", { htmlFor: "sel-" + p.id }, [box, el("span", { textContent: describe(p) })])])]);
          li.dataset.id = p.id;
          // Keyboard focus on a photo's control shows that photo while it holds.
          li.addEventListener("focusin", () => img.classList.add("focus-shown"));
          li.addEventListener("focusout", () => img.classList.remove("focus-shown"));
          if (p.flags && p.flags.length) {
            li.append(el("p", { className: "flags", textContent: p.flags.map((f) => t("flag-" + f.kind.replace("_", "-") + "-short")).join(", ") }));
            // The earlier photo beside it, small, with its state: judged at a glance.
            const rel = (p.related || []).find((r) => r.thumbnails);
            if (rel) {
              const words = t("earlier-photo", { status: t("state-" + rel.status.replace("_", "-")) });
              li.classList.add("flagged");
              li.append(el("figure", { className: "earlier" }, [el("img", { src: local(rel.thumbnails.small.url), alt: words, loading: "lazy", width: 160, height: 160 }), el("figcaption", { textContent: words })]));
            }
          }
          if (st.selected.has(p.id)) li.classList.add("selected");
          if (i === st.index) li.classList.add("current");
          ul.append(li);
        });
        placeholders(ul);
      }
    }
    const move = (by) => { if (!st.list.length) return; st.index = Math.max(0, Math.min(st.list.length - 1, st.index + by)); render(); const cur = $("li.current"); if (cur) cur.scrollIntoView({ block: "nearest" }); };

    async function decide(decision, reason) {
      const body = decision === "approve" ? { decision } : { decision, reason };
      if (st.kind === "photos" && st.mode === "grid") {
        const ids = st.selected.size ? Array.from(st.selected) : (st.list[st.index] ? [st.list[st.index].id] : []);
        if (!ids.length) return;
        const res = await api("POST", "/api/v1/moderation/photos/decisions", Object.assign({ ids }, body));
        const okIds = res.results.filter((r) => r.outcome === "ok" || r.outcome === "approved" || r.outcome === "rejected").map((r) => r.id);
        st.last = { kind: "photos", ids: okIds };
        counted(okIds.length);
        say(t(decision === "approve" ? "bulk-approved" : "bulk-rejected", { ok: okIds.length, all: ids.length }));
        await loadList();
        return;
      }
      const item = st.kind === "photos" ? st.current : st.list[st.index];
      if (!item) return;
      await api("POST", base() + "/" + item.id + "/decision", body);
      st.last = { kind: st.kind, ids: [item.id] };
      counted(1);
      say(decision === "approve" ? t("approved") : t("rejected", { reason: reasonWords(reason) }));
      // The word stays above the next photo: a small copy of the one it is about goes with
      // it, so "Approved" is never read as being about the photo now shown.
      if (st.kind === "photos" && item.thumbnails) {
        $("#message").prepend(el("img", { className: "about", src: local(item.thumbnails.small.url), alt: "", width: 48, height: 48 }));
      }
      if (st.kind === "photos") { await next(); } else { item.status = decision === "approve" ? "approved" : "rejected"; move(1); render(); await refreshQueue(); }
    }
    async function undo() {
      if (!st.last || !st.last.ids.length) { say(t("undo-nothing")); return; }
      const { kind, ids } = st.last; st.last = null;
      let item = null;
      for (const id of ids) item = await api("POST", (kind === "photos" ? "/api/v1/moderation/photos/" : "/api/v1/moderation/entries/") + id + "/reopen");
      say(t("undone"));
      if (kind === "photos" && st.mode === "one") { showOne(item); await refreshQueue(); } else { await loadList(); }
    }
    async function skip() {
      if (st.kind === "photos" && st.mode === "one") { if (st.current) st.skip.push(st.current.id); if (st.skip.length > 100) st.skip.shift(); await next(); } else move(1);
    }

    async function start() {
      st.gen = (st.gen || 0) + 1;
      const [kind, slug] = ($("#what").value || ":").split(":");
      st.kind = kind || null; st.slug = slug; st.skip = []; st.last = null; st.current = null;
      st.mode = $("input[name=mode]:checked").value;
      // What each view can filter by: flags are photos'; decided items are shown in lists
      // (the grid, the slogans), one at a time takes what waits.
      const filter = $("#filter");
      for (const o of filter.options) o.hidden = o.disabled = (o.dataset.photosOnly && kind !== "photos") || (o.dataset.listOnly && kind === "photos" && st.mode === "one");
      if (filter.selectedOptions[0] && filter.selectedOptions[0].disabled) filter.value = "pending";
      st.filter = filter.value;
      // The options fold away on a phone (the photo comes first); their summary says what
      // is chosen.
      const modeLabel = $("label[for=mode-" + st.mode + "]");
      $("#view-summary").textContent = "(" + [filter.selectedOptions[0] && filter.selectedOptions[0].textContent, kind === "photos" && modeLabel && modeLabel.textContent].filter(Boolean).join(" · ") + ")";
      $("#one").hidden = true; $("#grid").hidden = true; $("#entries").hidden = true; rejecting(false); say("");
      $("#actions").hidden = !((st.kind === "entries" && st.filter === "pending") || (st.kind === "photos" && st.mode === "one"));
      // "Previous" moves in a list; one photo at a time has none to go back to.
      $("[data-act=back]").hidden = st.kind !== "entries";
      $("[data-act=zoom]").hidden = st.kind !== "photos";
      $("#queue").textContent = "";
      if (!st.kind) { say(t("nothing-to-moderate")); return; }
      $(".modes").hidden = st.kind !== "photos";
      const opt = $("#what").selectedOptions[0], logo = $("#reference");
      // A new campaign starts from its operators' choice or this moderator's own; changing
      // the filter or the mode keeps whatever the moderator set meanwhile.
      if (st.shownSlug !== st.slug) {
        st.shownSlug = st.slug;
        blur.checked = (opt && opt.dataset.blur === "true") || localStorage.getItem("placard.blur") === "1";
        applyBlur();
      }
      showSitting();
      if (logo) { const url = opt && opt.dataset.logo; logo.hidden = !url; if (url) $("#reference-logo").src = local(url); }
      if (st.kind === "entries") { $("#entries").hidden = false; await loadList(); $("#entries").tabIndex = -1; }
      else if (st.mode === "grid") { $("#grid").hidden = false; await loadList(); }
      else { await next(); }
    }
    const guard = (f) => (...args) => f(...args).catch(failed);
    $("#what").addEventListener("change", guard(start));
    for (const r of $$("input[name=mode]")) r.addEventListener("change", guard(start));
    $("#filter").addEventListener("change", guard(start));
    $("#bulk-approve").addEventListener("click", guard(() => decide("approve")));
    $("#bulk-reject").addEventListener("click", guard(() => decide("reject", $("#bulk-reason").value)));
    $("#pick").addEventListener("submit", (e) => e.preventDefault());
    // The on-screen buttons do what the keys do, for mouse and touch.
    const acts = { approve: () => decide("approve"), reject: async () => rejecting(true), skip, undo, back: async () => move(-1), zoom: async () => zoom(), cancel: async () => { rejecting(false); say(t("not-rejected")); } };
    for (const b of $$("[data-act]")) b.addEventListener("click", guard(() => acts[b.dataset.act]()));
    // A tap on a blurred photo shows it; on a shown one, zooms.
    $("#current").addEventListener("click", () => { const img = $("#current"); if (!revealed(img)) reveal(img, true); else zoom(); });
    for (const b of $$("#reasons [data-reason]")) b.addEventListener("click", guard(async () => { rejecting(false); await decide("reject", b.dataset.reason); }));
    // After the picker or the mode is used, the keys work at once: focus leaves the form.
    $("#pick").addEventListener("change", () => { if (document.activeElement) document.activeElement.blur(); });

    document.addEventListener("keydown", guard(async (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e) || !shortcuts()) return;
      // A focused button takes Enter and Space itself (a click): the keys below stay off it.
      if (e.target.tagName === "BUTTON" && (e.key === " " || e.key === "Enter")) return;
      const k = e.key.toLowerCase();
      if (st.rejecting) {
        e.preventDefault();
        if (k === "escape") { rejecting(false); say(t("not-rejected")); return; }
        const n = Number(k);
        if (n >= 1 && n <= reasons.length) { rejecting(false); await decide("reject", reasons[n - 1]); }
        return;
      }
      if (!st.kind) return;
      if (k === "a") { e.preventDefault(); await decide("approve"); }
      else if (k === "r") { e.preventDefault(); rejecting(true); }
      else if (k === "u") { e.preventDefault(); await undo(); }
      else if (k === " " || k === "j") { e.preventDefault(); await skip(); }
      else if (k === "k") { e.preventDefault(); move(-1); }
      else if (k === "z") { e.preventDefault(); zoom(); }
      else if (k === "v") {
        e.preventDefault();
        reveal(st.kind === "photos" && st.mode === "grid" ? $$("#grid-items img")[st.index] : $("#current"));
      }
      else if (k === "x" && st.mode === "grid" && st.list[st.index]) {
        e.preventDefault();
        const id = st.list[st.index].id;
        st.selected.has(id) ? st.selected.delete(id) : st.selected.add(id);
        render();
      }
    }));
    guard(start)();
  }

  // ---- Judging screen. The ranking (with the other judges' scores) opens to a judge once
  // they have scored everything, so it cannot sway them; the chair (an admin) may open it at
  // any time. An announced contest is shown read-only.
  function judgePage() {
    const app = $("#app");
    if (!app) return;
    const st = { slug: null, items: [], index: 0, readOnly: false, pairwise: false, pair: null, compared: 0, pairsDone: false };
    const chair = $("#ranking-section").dataset.chair === "true";
    const guard = (f) => (...args) => f(...args).catch(failed);
    const shortcuts = shortcutsSwitch();
    const two = (() => { try { return new Intl.NumberFormat(lang === "ar" ? "ar-u-nu-latn" : lang, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }); } catch (_) { return null; } })();
    const base = () => "/api/v1/judging/contests/" + encodeURIComponent(st.slug);
    const done = () => st.pairwise ? st.pairsDone : st.items.length > 0 && st.items.every((i) => i.my_score != null);
    const progress = () => {
      const n = st.items.filter((i) => i.my_score != null).length;
      $("#progress").textContent = st.pairwise ? t("compared-progress", { n: st.compared }) : t("scored-progress", { n, all: st.items.length });
      const open = chair || st.readOnly || done();
      $("#load-ranking").disabled = !open;
      $("#ranking-wait").hidden = open && !chair;
    };
    function render() {
      const ol = $("#judge-items"); ol.replaceChildren();
      st.items.forEach((it, i) => {
        const sel = el("select", { id: "score-" + it.id, disabled: st.readOnly });
        sel.append(el("option", { value: "", textContent: "—" }));
        for (let s = 1; s <= 10; s++) sel.append(el("option", { value: String(s), textContent: String(s), selected: it.my_score === s }));
        sel.addEventListener("change", guard(() => score(i, Number(sel.value))));
        sel.addEventListener("focus", () => { st.index = i; $$("#judge-items li").forEach((l, j) => l.classList.toggle("current", j === i)); });
        // Stepping aside takes two presses: the first asks, the second does it.
        const aside = el("button", { type: "button", className: "step-aside", id: "aside-" + it.id, textContent: t("step-aside"), hidden: st.readOnly });
        aside.addEventListener("click", guard(() => stepAside(i, aside)));
        const li = el("li", { tabIndex: -1 }, [el("span", { className: "slogan", textContent: it.slogan, dir: "auto" }), el("span", { className: "score" }, [el("label", { htmlFor: sel.id, textContent: t("score") }), sel]), aside]);
        li.dataset.id = it.id;
        if (i === st.index) li.classList.add("current");
        if (it.my_score != null) li.classList.add("scored");
        ol.append(li);
      });
      progress();
    }
    async function score(i, s) {
      const it = st.items[i];
      if (!it || !(s >= 1 && s <= 10)) return;
      if (st.readOnly) { say(t("read-only")); return; }
      await api("PUT", base() + "/entries/" + it.id + "/score", { score: s });
      it.my_score = s;
      const li = $$("#judge-items li")[i];
      if (li) { li.classList.add("scored"); $("select", li).value = String(s); }
      // Whichever way the score came (picker, digit), the counter follows it.
      progress();
      say(t("scored", { score: s }));
    }
    // A judge who knows the author steps aside: the slogan leaves their list and their
    // score of it no longer counts (the server withdraws it).
    async function stepAside(i, button) {
      const it = st.items[i];
      if (!it || st.readOnly) return;
      if (button.dataset.asked !== "true") {
        button.dataset.asked = "true";
        button.textContent = t("step-aside-confirm");
        say(t("step-aside-confirm"));
        return;
      }
      await api("PUT", base() + "/entries/" + it.id + "/conflict");
      st.items.splice(i, 1);
      st.index = Math.min(st.index, Math.max(0, st.items.length - 1));
      render();
      const next = $("#judge-items li.current select");
      if (next) next.focus();
      say(t("stepped-aside"));
    }
    // ---- Pairwise: two slogans side by side; the better one is pressed (or ← / → for the
    // one on that side of the screen, whatever the writing direction), S skips the pair.
    const sides = () => [$("#pair-a"), $("#pair-b")];
    function showPair() {
      const p = st.pair;
      $("#pair").hidden = !p;
      $("#pair-skip").hidden = !p || st.readOnly;
      if (!p) return;
      sides().forEach((b, i) => {
        const it = i === 0 ? p.a : p.b;
        $(".slogan", b).textContent = it.slogan;
        b.dataset.id = it.id;
        b.disabled = st.readOnly;
      });
      $$(".pair .step-aside").forEach((b) => { b.dataset.asked = ""; b.textContent = t("step-aside"); b.hidden = st.readOnly; });
    }
    async function nextPair() {
      st.pair = await api("GET", base() + "/pair");
      st.pairsDone = !st.pair;
      showPair();
      progress();
      if (!st.pair) say(st.readOnly ? t("read-only") : t("pairs-done"));
    }
    async function choose(button) {
      const p = st.pair;
      if (!p || st.readOnly) return;
      const winner = button.dataset.id;
      const loser = winner === p.a.id ? p.b.id : p.a.id;
      const slogan = winner === p.a.id ? p.a.slogan : p.b.slogan;
      await api("POST", base() + "/pair", { winner, loser });
      st.compared += 1;
      say(t("preferred", { slogan }));
      await nextPair();
    }
    async function skipPair() {
      const p = st.pair;
      if (!p || st.readOnly) return;
      await api("POST", base() + "/pair/skip", { a: p.a.id, b: p.b.id });
      say(t("pair-skipped"));
      await nextPair();
    }
    async function stepAsidePair(which, button) {
      const p = st.pair;
      if (!p || st.readOnly) return;
      if (button.dataset.asked !== "true") {
        button.dataset.asked = "true";
        button.textContent = t("step-aside-confirm-pair");
        say(t("step-aside-confirm-pair"));
        return;
      }
      await api("PUT", base() + "/entries/" + (which === "a" ? p.a.id : p.b.id) + "/conflict");
      say(t("stepped-aside-pair"));
      await nextPair();
    }
    /** The pair's button on the screen's left (`left`) or right, as laid out. */
    function sideOnScreen(left) {
      const [a, b] = sides();
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      if (Math.abs(ra.left - rb.left) < 1) return left ? a : b; // stacked: the first is "left"
      return (ra.left < rb.left) === left ? a : b;
    }
    sides().forEach((b) => b.addEventListener("click", guard(() => choose(b))));
    $("#pair-skip").addEventListener("click", guard(skipPair));
    $("#aside-a").addEventListener("click", guard(() => stepAsidePair("a", $("#aside-a"))));
    $("#aside-b").addEventListener("click", guard(() => stepAsidePair("b", $("#aside-b"))));
    const move = (by) => { if (!st.items.length) return; st.index = Math.max(0, Math.min(st.items.length - 1, st.index + by)); render(); const cur = $("#judge-items li.current"); if (cur) cur.scrollIntoView({ block: "nearest" }); };
    async function load() {
      const opt = $("#contest").selectedOptions[0];
      st.slug = $("#contest").value;
      if (!st.slug || !opt) { say(t("no-contest")); $("#ranking-section").hidden = true; return; }
      st.readOnly = opt.dataset.readOnly === "true";
      $("#contest-state").textContent = opt.dataset.stateLine || "";
      document.body.classList.toggle("read-only", st.readOnly);
      $("#ranking").hidden = true; $("#shortlist-state").hidden = true; $("#shortlist-actions").hidden = true;
      st.pairwise = opt.dataset.mode === "pairwise";
      $("#pair-section").hidden = !st.pairwise;
      $("#judge-items").hidden = st.pairwise;
      $("#scores-hint").hidden = st.pairwise;
      $("#calibration").textContent = st.pairwise ? t("pairwise-method") : $("#calibration").dataset.scores;
      if (st.pairwise) {
        st.items = []; st.compared = 0; $("#judge-items").replaceChildren();
        await nextPair();
        return;
      }
      st.items = (await api("GET", base() + "/entries")).items;
      st.index = 0; render();
      say(st.readOnly ? t("read-only") : st.items.length ? "" : t("no-slogans"));
    }
    async function ranking() {
      const view = await api("GET", base() + "/ranking");
      const list = $("#ranking"); list.replaceChildren();
      for (const r of view.items) {
        const box = el("input", { type: "checkbox", id: "pin-" + r.id, checked: r.shortlisted, value: r.id, disabled: st.readOnly, ariaLabel: t("shortlist-aria", { slogan: r.slogan }) });
        const fmt = (x) => two ? two.format(x) : Number(x).toFixed(2);
        const shown = r.score == null ? "—" : r.interval ? t("score-interval", { score: fmt(r.score), low: fmt(r.interval[0]), high: fmt(r.interval[1]) }) : fmt(r.score);
        const li = el("li", {}, [
          el("span", { className: "rank", textContent: numbers ? numbers.format(r.rank) : String(r.rank) }),
          el("span", { className: "slogan", textContent: r.slogan, dir: "auto" }),
          el("label", { htmlFor: box.id }, [box, el("span", { textContent: t("on-shortlist") })]),
          el("span", { className: "meta", textContent: t("ranking-meta", { score: shown, judges: r.judges }) }),
        ]);
        li.classList.toggle("shortlisted", r.shortlisted);
        box.addEventListener("change", () => li.classList.toggle("shortlisted", box.checked));
        list.append(li);
      }
      const sl = view.shortlist || { pinned: false, size: 0 };
      const pinned = view.items.filter((r) => r.shortlisted).length;
      $("#shortlist-state").textContent = sl.pinned ? t("shortlist-pinned", { n: pinned, size: sl.size }) : t("shortlist-auto", { size: sl.size });
      $("#shortlist-state").hidden = false;
      list.hidden = false;
      $("#shortlist-actions").hidden = st.readOnly;
      $("#unpin").hidden = !sl.pinned;
      st.shortlistSize = sl.size;
    }
    $("#contest").addEventListener("change", guard(load));
    $("#pick").addEventListener("submit", (e) => e.preventDefault());
    $("#load-ranking").addEventListener("click", guard(ranking));
    $("#pin").addEventListener("click", guard(async () => {
      const ids = $$("#ranking input:checked").map((b) => b.value);
      await api("PUT", base() + "/shortlist", { entry_ids: ids });
      await ranking();
      say(t("pinned", { n: ids.length }));
    }));
    $("#unpin").addEventListener("click", guard(async () => {
      await api("PUT", base() + "/shortlist", { entry_ids: [] });
      await ranking();
      say(t("unpinned", { size: st.shortlistSize }));
    }));
    document.addEventListener("keydown", guard(async (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e) || !shortcuts()) return;
      const k = e.key.toLowerCase();
      if (st.pairwise) {
        if (e.key === "ArrowLeft" || e.key === "ArrowRight") { e.preventDefault(); await choose(sideOnScreen(e.key === "ArrowLeft")); }
        else if (k === "s") { e.preventDefault(); await skipPair(); }
        return;
      }
      if (k === "j") { e.preventDefault(); move(1); }
      else if (k === "k") { e.preventDefault(); move(-1); }
      else if (/^[0-9]$/.test(k)) {
        e.preventDefault();
        const s = k === "0" ? 10 : Number(k);
        await score(st.index, s);
        if (!st.readOnly) move(1);
      }
    }));
    guard(load)();
  }

  // ---- Copy buttons (a new staff token): the value is also selectable by hand.
  function copyButtons() {
    for (const b of $$("[data-copy]")) {
      b.addEventListener("click", async () => {
        const field = $(b.dataset.copy), status = $("#copy-status");
        if (!field) return;
        field.select();
        let ok = false;
        try { await navigator.clipboard.writeText(field.value); ok = true; } catch (_) { ok = document.execCommand && document.execCommand("copy"); }
        if (status) status.textContent = ok ? t("copied") : t("copy-by-hand");
      });
    }
  }

  // ---- Embedded in the campaign's own site: tell the parent page our height, so its
  // iframe can fit the form without a scroll bar. Only a number is sent, so any parent may
  // hear it.
  function reportHeight() {
    if (document.body.dataset.embedded !== "true" || window.parent === window) return;
    let last = 0;
    const send = () => {
      const h = Math.ceil(document.documentElement.scrollHeight);
      if (h !== last) { last = h; window.parent.postMessage({ placard: "height", height: h }, "*"); }
    };
    send();
    if (window.ResizeObserver) new ResizeObserver(send).observe(document.body); else setInterval(send, 500);
  }

  // ---- The mosaic: a tapped or clicked square opens its photo (the cell map says which).
  // By keyboard: the mosaic takes the focus, the arrow keys move a frame from square to
  // square (Home and End: a row's ends), Enter opens the framed square's photo, and the
  // square is announced ("Square 12 of 1,640, row 3, column 5").
  function mosaicPage() {
    const img = $("#mosaic"), fig = $("#mosaic-figure"), said = $("#mosaic-pick");
    if (!img || !fig) return;
    let map = null, at = -1;
    const frame = document.createElement("div");
    frame.className = "mosaic-cursor";
    frame.hidden = true;
    fig.appendChild(frame);
    fetch(img.dataset.map, { credentials: "omit" }).then((r) => r.ok ? r.json() : null).then((m) => {
      map = m;
      if (m && m.cells.length && document.activeElement === fig) show(0);
    }).catch(() => {});
    img.style.cursor = "pointer";
    const cellAt = (x, y) => map.cells.findIndex((c) => x >= c.x && x < c.x + c.w && y >= c.y && y < c.y + c.h);
    const open = (i) => {
      const cell = map && map.cells[i];
      if (!cell) return;
      said.textContent = t("opening-photo");
      location.href = img.dataset.photos + encodeURIComponent(cell.photo_id);
    };
    const show = (i) => {
      const c = map.cells[i];
      at = i;
      frame.style.left = (100 * c.x / map.width) + "%";
      frame.style.top = (100 * c.y / map.height) + "%";
      frame.style.width = (100 * c.w / map.width) + "%";
      frame.style.height = (100 * c.h / map.height) + "%";
      frame.hidden = false;
      fig.dataset.cell = String(i);
      said.textContent = t("mosaic-square", {
        n: (i + 1).toLocaleString(document.documentElement.lang), total: map.cells.length.toLocaleString(document.documentElement.lang),
        row: Math.floor(c.y / c.h) + 1, col: Math.floor(c.x / c.w) + 1,
      });
    };
    img.addEventListener("click", (e) => {
      if (!map) return;
      const r = img.getBoundingClientRect();
      open(cellAt((e.clientX - r.left) * map.width / r.width, (e.clientY - r.top) * map.height / r.height));
    });
    fig.addEventListener("focus", () => { if (map && map.cells.length) show(at < 0 ? 0 : at); });
    fig.addEventListener("blur", () => { frame.hidden = true; });
    fig.addEventListener("keydown", (e) => {
      if (!map || !map.cells.length || e.altKey || e.ctrlKey || e.metaKey) return;
      const c = map.cells[at < 0 ? 0 : at], mx = c.x + c.w / 2, my = c.y + c.h / 2;
      const rowEnd = (dir) => {
        let i = at, next;
        while ((next = cellAt(map.cells[i].x + map.cells[i].w / 2 + dir * map.cells[i].w, my)) >= 0) i = next;
        return i;
      };
      let to = -1;
      if (e.key === "ArrowLeft") to = cellAt(mx - c.w, my);
      else if (e.key === "ArrowRight") to = cellAt(mx + c.w, my);
      else if (e.key === "ArrowUp") to = cellAt(mx, my - c.h);
      else if (e.key === "ArrowDown") to = cellAt(mx, my + c.h);
      else if (e.key === "Home") to = rowEnd(-1);
      else if (e.key === "End") to = rowEnd(1);
      else if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(at < 0 ? 0 : at); return; }
      else return;
      e.preventDefault();
      if (to >= 0) show(to);
    });
  }

  function init() {
    countryNames();
    copyButtons();
    reportHeight();
    placeholders(document);
    const page = document.body.dataset.page;
    if (page === "campaign") campaignPage();
    else if (page === "contest") contestPage();
    else if (page === "moderate") moderatePage();
    else if (page === "judge") judgePage();
    else if (page === "mosaic") mosaicPage();
    else if (page === "status") statusPage();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
