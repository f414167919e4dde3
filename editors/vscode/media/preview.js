// The preview's only script: shows the SVG the language server draws, with the pan and
// zoom of the HTML report (argmap/report/assets/report.js: the viewBox moved and scaled,
// never the page). No network, no eval; the SVG's own scripts and handlers are dropped.
(function () {
  "use strict";
  const vscode = acquireVsCodeApi();
  const diagram = document.getElementById("diagram");
  const status = document.getElementById("status");
  let svg = null;
  let full = null;
  let view = null;
  let fontSheet = null;
  const saved = vscode.getState() || {};
  let uri = saved.uri;  // the map's, kept so that VS Code can reopen the preview

  function readViewBox() {
    const box = svg.viewBox.baseVal;
    return { x: box.x, y: box.y, w: box.width, h: box.height };
  }
  function apply() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    vscode.setState({ view: view, full: full, uri: uri });
  }
  function toSvg(clientX, clientY) {
    const point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoomAt(point, factor) {
    const width = Math.min(full.w * 1.5, Math.max(full.w / 40, view.w * factor));
    factor = width / view.w;
    view.x = point.x - (point.x - view.x) * factor;
    view.y = point.y - (point.y - view.y) * factor;
    view.w *= factor;
    view.h *= factor;
    apply();
  }
  function zoomCentre(factor) {
    if (svg) { zoomAt({ x: view.x + view.w / 2, y: view.y + view.h / 2 }, factor); }
  }
  function reset() {
    if (!svg) { return; }
    view = { x: full.x, y: full.y, w: full.w, h: full.h };
    apply();
  }
  function sameBox(a, b) {
    return a && b && Math.abs(a.w - b.w) < 1 && Math.abs(a.h - b.h) < 1;
  }

  // What the SVG may not bring into the page: scripts, foreign HTML, event handlers and
  // javascript: links (the policy blocks them too; this keeps the console quiet).
  function clean(root) {
    root.querySelectorAll("script, foreignObject").forEach(function (element) {
      element.remove();
    });
    root.querySelectorAll("*").forEach(function (element) {
      Array.from(element.attributes).forEach(function (attribute) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();
        if (name.startsWith("on") || (name.endsWith("href") && value.startsWith("javascript:"))) {
          element.removeAttribute(attribute.name);
        }
      });
    });
  }

  // The drawing's <style> (its embedded font) becomes a constructed stylesheet, which the
  // policy allows where an inline <style> is not; taken out before the SVG is parsed, since
  // parsing it would already be a violation.
  const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
  function takeStyles(text) {
    const css = [];
    const rest = text.replace(STYLE, function (_whole, content) {
      css.push(content.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ""));
      return "";
    });
    return { svg: rest, css: css.join("\n") };
  }
  function useFont(css) {
    if (!css || typeof CSSStyleSheet === "undefined" || !document.adoptedStyleSheets) { return; }
    if (!fontSheet) {
      fontSheet = new CSSStyleSheet();
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([fontSheet]);
    }
    fontSheet.replaceSync(css);
  }

  function show(text) {
    const styles = takeStyles(text);
    const parsed = new DOMParser().parseFromString(styles.svg, "image/svg+xml");
    const root = parsed.documentElement;
    if (!root || root.nodeName !== "svg" || parsed.querySelector("parsererror")) {
      showError("The language server sent a drawing that is not SVG.");
      return;
    }
    root.querySelectorAll("style").forEach(function (element) { element.remove(); });
    useFont(styles.css);
    clean(root);
    const before = full;
    const kept = view;
    svg = document.importNode(root, true);
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    diagram.replaceChildren(svg);
    full = readViewBox();
    // An edit that keeps the drawing's size keeps the reader's pan and zoom.
    if (kept && sameBox(before, full)) {
      view = kept;
    } else if (!before && saved.view && sameBox(saved.full, full)) {
      view = saved.view;
    } else {
      view = readViewBox();
    }
    apply();
    status.hidden = true;
    status.textContent = "";
    document.body.classList.remove("empty");
  }

  function showError(message) {
    status.textContent = message;
    status.hidden = false;
    if (!svg) { document.body.classList.add("empty"); }
  }

  diagram.addEventListener("wheel", function (event) {
    if (!svg) { return; }
    event.preventDefault();
    zoomAt(toSvg(event.clientX, event.clientY), event.deltaY < 0 ? 0.8 : 1.25);
  }, { passive: false });

  let drag = null;
  diagram.addEventListener("pointerdown", function (event) {
    if (!svg || event.button !== 0) { return; }
    drag = { x: event.clientX, y: event.clientY, moved: false };
    diagram.setPointerCapture(event.pointerId);
    diagram.classList.add("dragging");
  });
  diagram.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    const from = toSvg(drag.x, drag.y);
    const to = toSvg(event.clientX, event.clientY);
    if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 2) {
      drag.moved = true;
    }
    view.x -= to.x - from.x;
    view.y -= to.y - from.y;
    drag.x = event.clientX;
    drag.y = event.clientY;
    apply();
  });
  function stop(event) {
    const click = drag && !drag.moved;
    drag = null;
    diagram.classList.remove("dragging");
    // A click on a statement (not the end of a drag) shows it in the editor.
    if (click && event.type === "pointerup") {
      const target = document.elementFromPoint(event.clientX, event.clientY);
      const node = target && target.closest ? target.closest("g.node[id]") : null;
      if (node) { vscode.postMessage({ type: "reveal", id: node.id }); }
    }
  }
  diagram.addEventListener("pointerup", stop);
  diagram.addEventListener("pointercancel", stop);
  // Links in the drawing would navigate the preview away: they do nothing here.
  diagram.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) { event.preventDefault(); }
  });

  document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(0.7); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(1.4); });
  document.getElementById("zoom-reset").addEventListener("click", reset);
  document.addEventListener("keydown", function (event) {
    if (event.target !== document.body) { return; }
    if (event.key === "+" || event.key === "=") { zoomCentre(0.7); }
    else if (event.key === "-") { zoomCentre(1.4); }
    else if (event.key === "0") { reset(); }
  });

  window.addEventListener("message", function (event) {
    const message = event.data;
    if (message.type === "svg") {
      uri = message.uri || uri;
      show(message.svg);
    } else if (message.type === "error") {
      showError(message.message);
    }
  });
  vscode.postMessage({ type: "ready" });
}());
