// The report's only script: pan and zoom of the diagram, findings that highlight their
// statement, the statement table's filter, the colour scheme switch. No network, no eval.
(function () {
  "use strict";
  var svg = document.querySelector("#diagram svg");
  var full = null;
  var view = null;

  function readViewBox() {
    var box = svg.viewBox.baseVal;
    return { x: box.x, y: box.y, w: box.width, h: box.height };
  }
  function apply() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }
  function toSvg(clientX, clientY) {
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoomAt(point, factor) {
    var width = Math.min(full.w * 1.5, Math.max(full.w / 40, view.w * factor));
    factor = width / view.w;
    view.x = point.x - (point.x - view.x) * factor;
    view.y = point.y - (point.y - view.y) * factor;
    view.w *= factor;
    view.h *= factor;
    apply();
  }
  function zoomCentre(factor) {
    zoomAt({ x: view.x + view.w / 2, y: view.y + view.h / 2 }, factor);
  }
  function reset() {
    view = { x: full.x, y: full.y, w: full.w, h: full.h };
    apply();
  }

  // As tall as the whole map needs at the page's width, at most 70% of the window.
  function fitHeight() {
    var wanted = svg.clientWidth * full.h / full.w;
    svg.style.height = Math.max(200, Math.min(window.innerHeight * 0.7, wanted)) + "px";
  }

  if (svg) {
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    full = readViewBox();
    view = readViewBox();
    fitHeight();
    window.addEventListener("resize", fitHeight);
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoomAt(toSvg(event.clientX, event.clientY), event.deltaY < 0 ? 0.8 : 1.25);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      drag = { x: event.clientX, y: event.clientY };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var from = toSvg(drag.x, drag.y);
      var to = toSvg(event.clientX, event.clientY);
      view.x -= to.x - from.x;
      view.y -= to.y - from.y;
      drag = { x: event.clientX, y: event.clientY };
      apply();
    });
    function stop() { drag = null; svg.classList.remove("dragging"); }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(0.7); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(1.4); });
    document.getElementById("zoom-reset").addEventListener("click", reset);
  }

  function clearSelection() {
    document.querySelectorAll(".highlight, .selected").forEach(function (element) {
      element.classList.remove("highlight");
      element.classList.remove("selected");
    });
  }

  // Bring a statement into view and mark it, in the diagram and in the table.
  function highlight(nodeId, source) {
    clearSelection();
    if (source) { source.classList.add("selected"); }
    var row = document.getElementById("row-" + nodeId);
    if (row) { row.classList.add("selected"); }
    var node = svg ? document.getElementById(nodeId) : null;
    if (!node || !svg.contains(node)) { return false; }
    node.classList.add("highlight");
    var rect = node.getBoundingClientRect();
    var centre = toSvg(rect.left + rect.width / 2, rect.top + rect.height / 2);
    var corner = toSvg(rect.right, rect.bottom);
    var size = Math.max((corner.x - centre.x) * 2 * 4, full.w / 4);
    var factor = Math.min(1, size / view.w);
    view.w *= factor;
    view.h *= factor;
    view.x = centre.x - view.w / 2;
    view.y = centre.y - view.h / 2;
    apply();
    document.getElementById("diagram").scrollIntoView({ block: "nearest" });
    return true;
  }

  document.querySelectorAll("[data-node]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var item = link.closest("li") || link.closest("tr");
      highlight(link.getAttribute("data-node"), item && item.tagName === "LI" ? item : null);
      history.replaceState(null, "", "#" + link.getAttribute("data-node"));
    });
  });
  if (location.hash.length > 1) {
    highlight(decodeURIComponent(location.hash.slice(1)), null);
  }

  // The statement table's filter: words in any column, and the kind and label menus.
  var filter = document.getElementById("filter");
  var kind = document.getElementById("filter-kind");
  var label = document.getElementById("filter-label");
  var count = document.getElementById("filter-count");
  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("#statements tbody tr").forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var keep = words.every(function (word) { return text.indexOf(word) >= 0; }) &&
        (!kind.value || row.getAttribute("data-kind") === kind.value) &&
        (!label.value || row.getAttribute("data-label") === label.value);
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = shown + " shown";
  }
  [filter, kind, label].forEach(function (element) {
    element.addEventListener("input", applyFilter);
  });
  applyFilter();

  // Light, dark, or what the system prefers.
  var toggle = document.getElementById("theme-toggle");
  var schemes = ["auto", "light", "dark"];
  toggle.addEventListener("click", function () {
    var now = document.documentElement.getAttribute("data-scheme") || "auto";
    var next = schemes[(schemes.indexOf(now) + 1) % schemes.length];
    if (next === "auto") {
      document.documentElement.removeAttribute("data-scheme");
    } else {
      document.documentElement.setAttribute("data-scheme", next);
    }
    toggle.textContent = "Colours: " + next;
  });
}());
