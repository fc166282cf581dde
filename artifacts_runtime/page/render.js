/* live-artifacts: render the document types (Markdown, SVG, Mermaid, code) in the frame.
 * Markdown and SVG are sanitized (DOMPurify) before they touch the DOM. */
(function () {
  "use strict";
  var meta = window.__ARTIFACT__ || {};
  var report = window.__artifactError || function (kind, e) { console.error(kind, e); };
  var source = JSON.parse(document.getElementById("artifact-source").textContent);
  var root = document.getElementById("root");
  var done = function () { if (window.__artifactRenderedSignal) window.__artifactRenderedSignal(); };

  function highlight(code, language) {
    if (!window.hljs) return null;
    try {
      if (language && window.hljs.getLanguage(language)) return window.hljs.highlight(code, { language: language, ignoreIllegals: true }).value;
      return window.hljs.highlightAuto(code).value;
    } catch (e) { return null; }
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }

  function renderMarkdown() {
    var html = window.marked.parse(source, { gfm: true, breaks: false });
    var clean = window.DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, ADD_ATTR: ["target"] });
    root.className = "markdown-body";
    root.innerHTML = clean;
    root.querySelectorAll("pre code").forEach(function (block) {
      var lang = (/language-([\w+#-]+)/.exec(block.className) || [])[1];
      var out = highlight(block.textContent, lang);
      if (out !== null) { block.innerHTML = out; block.classList.add("hljs"); }
    });
    root.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("rel", "noopener noreferrer"); });
    // GitHub-style heading ids, so [links](#a-section) inside the document work.
    var used = {};
    root.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (heading) {
      if (heading.id) return;
      var slug = heading.textContent.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-") || "section";
      var id = used[slug] === undefined ? slug : slug + "-" + used[slug];
      used[slug] = (used[slug] || 0) + 1;
      heading.id = id;
    });
  }

  function renderSvg() {
    var clean = window.DOMPurify.sanitize(source, { USE_PROFILES: { svg: true, svgFilters: true } });
    if (!clean.trim()) throw new Error("This SVG has nothing left to show once scripts and unsafe content are removed.");
    root.className = "svg-view";
    root.innerHTML = clean;
  }

  function renderMermaid() {
    root.className = "mermaid-view";
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default" });
    return window.mermaid.render("artifact-diagram", source).then(function (result) {
      root.innerHTML = result.svg;
    });
  }

  function renderCode() {
    var lang = meta.language || "";
    var highlighted = highlight(source, lang === "text" ? "plaintext" : lang);
    var lines = (highlighted !== null ? highlighted : escapeHtml(source)).split("\n");
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    var table = document.createElement("table");
    table.className = "code-view hljs";
    table.setAttribute("data-language", lang);
    // Highlighted spans may cross line breaks: close and reopen them per line.
    var open = [];
    var rows = lines.map(function (line, i) {
      var prefix = open.join("");
      var tags = line.match(/<span[^>]*>|<\/span>/g) || [];
      tags.forEach(function (t) { if (t === "</span>") open.pop(); else open.push(t); });
      var suffix = open.map(function () { return "</span>"; }).join("");
      return '<tr><td class="ln" data-n="' + (i + 1) + '"></td><td class="code">' + prefix + line + suffix + "</td></tr>";
    });
    table.innerHTML = "<tbody>" + rows.join("") + "</tbody>";
    root.className = "code-wrap";
    root.appendChild(table);
  }

  var renderers = {
    "text/markdown": renderMarkdown,
    "image/svg+xml": renderSvg,
    "application/vnd.ant.mermaid": renderMermaid,
    "application/vnd.ant.code": renderCode
  };
  try {
    var result = (renderers[meta.type] || renderCode)();
    Promise.resolve(result).then(done, function (e) { report("runtime", e); });
  } catch (e) {
    report("runtime", e);
  }
})();
