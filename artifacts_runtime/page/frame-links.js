/* live-artifacts: links inside the artifact frame.
 *
 * A followed link would navigate this frame (or, in an exported file, the page): the shell's
 * frame-src refuses it, but only after the browser has resolved and preconnected the host,
 * and a host name can carry data. So a click on a link never navigates the frame:
 * - "#section" (this document) scrolls as usual;
 * - a web link (http/https) is handed to the shell, which asks the person "Open … in your
 *   browser?" outside the frame; only their click there opens it (see shell.js). Exported,
 *   with no shell, the page offers the address the same way, in a note of its own;
 * - a relative link (an artifact is one page: there is nothing at "faq.html") and any other
 *   scheme (javascript:, file:, data:, mailto: …) is refused, with a line in the quiet notice.
 * Loaded after frame-errors.js; takes what it needs from window.__artifactsFrame.
 */
(function () {
  "use strict";
  var frame = window.__artifactsFrame;
  if (!frame) return;
  var exported = frame.exported;
  var parentWindow = frame.parentWindow;
  var notice = window.__artifactNotice || function () {};
  var XLINK = "http://www.w3.org/1999/xlink";

  function linkTarget(event) {
    var path = event.composedPath ? event.composedPath() : [event.target];
    for (var i = 0; i < path.length; i++) {
      var el = path[i];
      if (el && el.nodeType === 1 && (el.localName === "a" || el.localName === "area")
          && (el.hasAttribute("href") || el.hasAttributeNS(XLINK, "href"))) return el;
    }
    return null;
  }
  function rawHref(el) {
    return el.getAttribute("href") || el.getAttributeNS(XLINK, "href") || "";
  }
  function hrefOf(el) {
    var href = el.href;
    if (href && typeof href === "object") href = href.animVal || href.baseVal;   // SVG <a>
    if (typeof href !== "string" || !href) href = rawHref(el);
    try { return new URL(href, document.baseURI); } catch (e) { return null; }
  }
  function sameDocument(url) {
    var here = new URL(location.href);
    here.hash = "";
    var there = new URL(url.href);
    var hash = there.hash;
    there.hash = "";
    return there.href === here.href && hash !== "";
  }
  function shown(text) {   // an address as a short line of text (the notice is text only)
    // eslint-disable-next-line no-control-regex
    text = String(text).replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
    return text.length > 120 ? text.slice(0, 120) + "…" : text;
  }
  // javascript:void(0) and "#" placeholders are how pages say "no address": nothing to tell.
  var PLACEHOLDER = /^\s*javascript:\s*(void\s*\(?\s*0\s*\)?|undefined|;)?\s*;?\s*$/i;

  var linkNote = null;
  var offerAnchor = null;   // our own "Open" link (export only): its click is the person's choice
  function offerLink(href) {
    if (!exported) {
      parentWindow.postMessage({ __artifacts: 1, event: "open-link", url: href }, "*");
      return;
    }
    var url;
    try { url = new URL(href); } catch (e) { return; }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    if (!document.body) return;
    if (linkNote) linkNote.remove();
    linkNote = document.createElement("div");
    linkNote.id = "__artifact_link_note";
    linkNote.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "This page links to " + url.href + " (the address can carry data from the page). ";
    var open = document.createElement("a");
    open.href = url.href;
    open.target = "_blank";
    open.rel = "noopener noreferrer";
    open.textContent = "Open in a new window";
    open.addEventListener("click", function () { if (linkNote) linkNote.remove(); linkNote = null; });
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.textContent = "×";
    dismiss.setAttribute("aria-label", "Dismiss");
    dismiss.onclick = function () { if (linkNote) linkNote.remove(); linkNote = null; };
    linkNote.appendChild(text); linkNote.appendChild(open); linkNote.appendChild(dismiss);
    document.body.appendChild(linkNote);
    offerAnchor = open;
  }

  function refuse(el, url) {
    var raw = rawHref(el);
    if (url && url.protocol === "javascript:") {
      if (!PLACEHOLDER.test(raw)) notice("link", "A javascript: link does not run here; the page's click handlers still do.", "link|javascript");
      return;
    }
    if (!url || !/^[a-z][a-z0-9+.-]*:/i.test(raw.trim())) {
      notice("link", "The link \u201c" + shown(raw) + "\u201d does not open here: an artifact is a single page, with no other files to go to.", "link|" + raw);
      return;
    }
    notice("link", "The " + url.protocol + " link \u201c" + shown(raw) + "\u201d does not open here: only web links (http, https) open, in your browser, after you confirm.", "link|" + raw);
  }

  function onLink(event) {
    var el = linkTarget(event);
    if (!el || (exported && el === offerAnchor)) return;
    var url = hrefOf(el);
    if (url && url.protocol !== "javascript:" && sameDocument(url)) return;   // #section: scrolls
    event.preventDefault();
    if (event.type !== "click") return;
    var raw = rawHref(el).trim();
    var web = url && (url.protocol === "http:" || url.protocol === "https:") && /^(https?:)?\/\//i.test(raw);
    if (web) offerLink(url.href);
    else refuse(el, url);
  }
  window.addEventListener("click", onLink, true);
  window.addEventListener("auxclick", onLink, true);
  if (exported) {
    // Opened from disk there is no shell, no sandbox and no frame-src: window.open would leave
    // with whatever the page puts in the address. It offers the address instead. (An artifact
    // that means to can still navigate the page itself; see the export's warning.)
    window.open = function (href) {
      try { offerLink(new URL(String(href), document.baseURI).href); } catch (e) { /* ignore */ }
      return null;
    };
  }
})();
