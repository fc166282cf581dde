/* live-artifacts: what the artifact frame shows when something goes wrong.
 *
 * Two kinds of trouble, told apart so that a page that works is not covered by an alarm:
 * - a crash (an uncaught error, a rejection with an Error, a React render failure, a transpile
 *   error, a script that could not load): the overlay (#__artifact_error), one box per cause;
 * - a resource that did not load (an image, a stylesheet or its @import, a font, media, a
 *   request the CSP refused) or a link that does not open here: a quiet, dismissible notice
 *   (#__artifact_notice), one line per cause, with its true reason.
 * Both reach the app as error.report, marked fatal or not. Loaded right after frame.js, whose
 * window.__artifactsFrame gives the bridge call; every artifact-given string is shown as text.
 */
(function () {
  "use strict";
  var frame = window.__artifactsFrame;
  if (!frame) return;
  var call = frame.call;
  var exported = frame.exported;
  var meta = frame.meta;
  var here = new URL(location.href);
  var MAX_REPORTS = 20;
  var MAX_SHOWN = 12;
  var SETTLE_MS = 150;   // a CSP violation and the element's error event come in either order

  function whenBody(fn) {
    if (document.body) fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  var seen = new Set();   // causes shown already (overlay and notice alike)
  var reported = 0;
  function send(kind, message, stack, fatal) {
    if (exported || reported++ >= MAX_REPORTS) return;
    call("error.report", { kind: kind, message: message, stack: stack, version: meta.version, fatal: fatal }).catch(function () {});
  }

  // ---------------------------------------------------------------- the overlay (crashes)
  var TITLES = {
    transpile: "This artifact's code does not compile", import: "Missing module",
    network: "Blocked network request", resource: "A script failed to load"
  };
  var overlay = null;
  var boxes = 0;
  function showCrash(kind, message, stack) {
    whenBody(function () {
      if (boxes >= MAX_SHOWN) return;
      if (!overlay || !overlay.isConnected) {
        overlay = document.createElement("div");
        overlay.id = "__artifact_error";
        overlay.setAttribute("role", "alert");
        document.body.appendChild(overlay);
      }
      var box = document.createElement("div");
      box.className = "__artifact_error_item";
      var title = document.createElement("strong");
      title.textContent = TITLES[kind] || "This artifact hit an error";
      var pre = document.createElement("pre");
      pre.textContent = message + (stack ? "\n\n" + stack : "");
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Dismiss";
      close.onclick = function () { box.remove(); if (!overlay.children.length) { overlay.remove(); overlay = null; } };
      box.appendChild(title); box.appendChild(pre); box.appendChild(close);
      overlay.appendChild(box);
      boxes++;
    });
  }

  function messageOf(error) {
    if (error && typeof error.message === "string" && error.message) return error.message;
    if (error && error.name) return String(error.name);
    return String(error);
  }

  function crash(kind, error) {
    var message = messageOf(error);
    var stack = error && error.stack ? String(error.stack) : "";
    var key = "crash|" + message;
    if (seen.has(key)) return;
    seen.add(key);
    showCrash(kind, message, stack);
    send(kind, message, stack, true);
  }

  // ---------------------------------------------------------------- the notice (quiet)
  var notice = null;
  var noticeList = null;
  var lines = 0;
  var dismissed = false;
  function showNotice(text) {
    whenBody(function () {
      if (dismissed || lines >= MAX_SHOWN) return;
      if (!notice) {
        notice = document.createElement("div");
        notice.id = "__artifact_notice";
        notice.setAttribute("role", "status");
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "×";
        close.title = "Dismiss";
        close.setAttribute("aria-label", "Dismiss");
        close.onclick = function () { notice.remove(); notice = null; dismissed = true; };
        noticeList = document.createElement("ul");
        notice.appendChild(close);
        notice.appendChild(noticeList);
        document.body.appendChild(notice);
      }
      var li = document.createElement("li");
      li.className = "__artifact_notice_item";
      li.textContent = text;
      noticeList.appendChild(li);
      lines++;
    });
  }

  function quiet(kind, message, key) {
    key = "quiet|" + (key || message);
    if (seen.has(key)) return;
    seen.add(key);
    showNotice(message);
    send(kind, message, "", false);
  }

  window.__artifactError = crash;
  window.__artifactNotice = quiet;

  // ---------------------------------------------------------------- resources
  var WHAT = {
    img: "image", image: "image", picture: "image", input: "image", link: "stylesheet", style: "stylesheet",
    video: "video", audio: "audio", source: "media file", track: "subtitle track", object: "embedded file",
    embed: "embedded file", script: "script"
  };
  var DIRECTIVES = {
    img: "image", style: "stylesheet", font: "font", media: "media file", connect: "request",
    frame: "embedded page", child: "embedded page", worker: "worker", object: "embedded file",
    manifest: "manifest", form: "form submission", script: "script"
  };
  var blocked = new Set();   // URLs the CSP refused (their element's error event says no more)
  var styleBlocked = false;  // a stylesheet was refused (a failed @import has no URL on its <style>)

  function shortUrl(url) {
    return url.length > 300 ? url.slice(0, 300) + "… (" + (url.length - 300) + " more characters)" : url;
  }
  function describeUrl(url) {
    if (/^data:/i.test(url)) return "a data: URL";
    return shortUrl(url);
  }
  function isLocal(url) {
    try { return new URL(url, here).origin === here.origin; } catch (e) { return false; }
  }
  function localPath(el, url) {
    var raw = el.getAttribute && (el.getAttribute("src") || el.getAttribute("href"));
    return raw && !/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : url;
  }

  function elementUrl(el) {
    var url = el.currentSrc || el.src || el.href || "";
    if (url && typeof url === "object") url = url.animVal || url.baseVal || "";   // SVG <image>
    return typeof url === "string" ? url : "";
  }

  function resourceFailed(el) {
    var tag = el.localName;
    var what = tag === "link" && !/\bstylesheet\b/i.test(el.rel || "") ? "linked file" : (WHAT[tag] || "resource");
    var url = elementUrl(el);
    setTimeout(function () {
      if (tag === "style" || (!url && what === "stylesheet")) {
        if (styleBlocked) return;   // the refused @import is told by its violation
        quiet("resource", "A stylesheet's @import did not load; the page uses its fallback styles.", "style@import");
        return;
      }
      if (url && blocked.has(url)) return;
      if (tag === "script") {
        crash("resource", new Error("could not load the script " + describeUrl(url || "(no address)") + ": artifacts run offline; only the bundled libraries are available"));
        return;
      }
      var reason;
      if (!url) reason = "A " + what + " did not load.";
      else if (/^(data|blob):/i.test(url)) reason = "A " + what + " given as " + (/^data:/i.test(url) ? "a data: URL" : "a blob: URL") + " could not be decoded.";
      else if (isLocal(url)) reason = "The " + what + " " + shortUrl(localPath(el, url)) + " was not found: this artifact has no file by that name.";
      else reason = "The " + what + " " + shortUrl(url) + " did not load: artifacts run offline.";
      quiet("resource", reason, "res|" + (url || what));
    }, SETTLE_MS);
  }

  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && target.nodeType === 1) {
      resourceFailed(target);
      return;
    }
    crash("runtime", event.error || new Error(event.message || "an error without a message"));
  }, true);

  window.addEventListener("unhandledrejection", function (event) {
    var r = event.reason;
    if (r instanceof Error || (r && typeof r === "object" && typeof r.message === "string" && typeof r.stack === "string")) {
      crash("runtime", r);
      return;
    }
    var text;
    try { text = typeof r === "string" ? r : JSON.stringify(r); } catch (e) { text = String(r); }
    quiet("runtime", "A promise was rejected and nothing handled it: " + shortUrl(String(text)));
  });

  document.addEventListener("securitypolicyviolation", function (event) {
    if (event.disposition && event.disposition !== "enforce") return;
    var directive = String(event.effectiveDirective || event.violatedDirective || "");
    var name = directive.replace(/-(src|elem|attr|action)/g, "");
    var uri = String(event.blockedURI || "");
    if (uri === "inline" || uri === "eval" || uri === "wasm-eval" || uri === "trusted-types-sink") return;
    var what = DIRECTIVES[name];
    if (!what) return;
    if (uri) blocked.add(uri);
    if (name === "style") styleBlocked = true;
    var where = uri ? describeUrl(uri) : "another address";
    if (name === "script") {
      // A message, not an Error: its stack would be this file's, not the artifact's.
      crash("network", { message: "could not load the script " + where + ": artifacts run offline; only the bundled libraries are available" });
      return;
    }
    var text = name === "connect"
      ? "A request to " + where + " was blocked: artifacts reach the network only through fetch(), which asks you first."
      : "The " + what + " " + where + " was blocked: artifacts run offline" + (name === "style" || name === "font" ? " (web fonts and CDN stylesheets do not load; the page uses its fallbacks)." : ".");
    quiet("network", text, "csp|" + name + "|" + uri);
  });
})();
