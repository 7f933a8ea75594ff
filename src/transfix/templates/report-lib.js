/* transfix review page, part 1: DOM helpers and the inline diff (report.js uses them). */
var TransfixLib = (function () {
  "use strict";

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") el.textContent = value;
        else if (name === "class") el.className = value;
        else if (name.slice(0, 2) === "on") el.addEventListener(name.slice(2), value);
        else el.setAttribute(name, value === true ? "" : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); continue; }
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }

  function shown(text) { return text.replace(/\r\n?/g, "\n"); }

  var TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
  var WORD = /[\p{L}\p{N}_]+/gu;
  var LONG = 160;         // a deletion longer than this many characters is shown summarised
  var PHRASE_WORDS = 12;  // a change within this many words may be shown as a whole phrase

  function tokens(text) { return text.match(TOKEN) || []; }

  function words(text) { return (text.match(WORD) || []).length; }

  /* Word-level diff: a list of {op: "eq"|"del"|"ins", text}, deletions before insertions. */
  function diff(before, after) {
    var a = tokens(before), b = tokens(after);
    var head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    var tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    var midA = a.slice(head, a.length - tail), midB = b.slice(head, b.length - tail);
    var ops = [];
    if (head) ops.push({ op: "eq", text: a.slice(0, head).join("") });
    if (midA.length * midB.length > 200000) {
      if (midA.length) ops.push({ op: "del", text: midA.join("") });
      if (midB.length) ops.push({ op: "ins", text: midB.join("") });
    } else {
      ops = ops.concat(lcsOps(midA, midB));
    }
    if (tail) ops.push({ op: "eq", text: a.slice(a.length - tail).join("") });
    return phrase(tidy(ops));
  }

  function lcsOps(a, b) {
    var n = a.length, m = b.length, i, j;
    var table = [];
    for (i = 0; i <= n; i++) table.push(new Uint32Array(m + 1));
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    var ops = [];
    i = 0; j = 0;
    while (i < n && j < m) {
      if (a[i] === b[j]) { ops.push({ op: "eq", text: a[i] }); i++; j++; }
      else if (table[i + 1][j] >= table[i][j + 1]) { ops.push({ op: "del", text: a[i] }); i++; }
      else { ops.push({ op: "ins", text: b[j] }); j++; }
    }
    for (; i < n; i++) ops.push({ op: "del", text: a[i] });
    for (; j < m; j++) ops.push({ op: "ins", text: b[j] });
    return ops;
  }

  /* Absorb lone whitespace kept between two changes, then merge runs: "del del ins" reads better
     as one struck phrase followed by one inserted phrase. */
  function tidy(ops) {
    var k;
    for (k = 1; k < ops.length - 1; k++) {
      if (ops[k].op === "eq" && /^\s+$/.test(ops[k].text) && ops[k - 1].op !== "eq" && ops[k + 1].op !== "eq") {
        ops.splice(k, 1, { op: "del", text: ops[k].text }, { op: "ins", text: ops[k].text });
        k++;
      }
    }
    var out = [];
    k = 0;
    while (k < ops.length) {
      if (ops[k].op === "eq") {
        var same = "";
        while (k < ops.length && ops[k].op === "eq") same += ops[k++].text;
        out.push({ op: "eq", text: same });
      } else {
        var del = "", ins = "";
        while (k < ops.length && ops[k].op !== "eq") {
          if (ops[k].op === "del") del += ops[k].text; else ins += ops[k].text;
          k++;
        }
        if (del) out.push({ op: "del", text: del });
        if (ins) out.push({ op: "ins", text: ins });
      }
    }
    return out;
  }

  /* A short phrase whose words mostly change reads better struck whole and rewritten
     ("~~detach the node~~ untie the knot") than interleaved ("~~detach~~ untie the ~~node~~ knot"). */
  function phrase(ops) {
    var first = -1, last = -1, kept = 0, changed = 0, del = "", ins = "", k;
    ops.forEach(function (o, i) { if (o.op !== "eq") { if (first < 0) first = i; last = i; } });
    for (k = first; first >= 0 && k <= last; k++) {
      if (ops[k].op === "eq") kept += words(ops[k].text); else if (ops[k].op === "del") changed += words(ops[k].text);
      if (ops[k].op !== "ins") del += ops[k].text;
      if (ops[k].op !== "del") ins += ops[k].text;
    }
    if (!kept || kept >= changed || kept + changed > PHRASE_WORDS) return ops;
    return ops.slice(0, first).concat({ op: "del", text: del }, { op: "ins", text: ins }, ops.slice(last + 1));
  }

  /* "First four words … last three" of a long text, with its size; null when it is short. */
  function summary(text) {
    var w = text.trim().split(/\s+/);
    if (text.length <= LONG || w.length < 12) return null;
    return { text: w.slice(0, 4).join(" ") + " \u2026 " + w.slice(-3).join(" "), size: text.length + " characters" };
  }

  /* del/ins elements. A change made only of whitespace shows a visible symbol: one pilcrow for a
     line or paragraph break however many newlines it has. A long deletion is summarised, with a
     button that shows it whole. */
  function diffNodes(ops, open) {
    return ops.map(function (o) {
      if (o.op === "eq") return document.createTextNode(shown(o.text));
      var tag = o.op === "del" ? "del" : "ins";
      if (/^\s+$/.test(o.text)) {
        var br = o.text.indexOf("\n") >= 0;
        return h(tag, { class: "ws", title: (tag === "del" ? "deleted " : "inserted ") + (br ? "paragraph or line break" : "space") },
          h("span", { class: "ws-sym" }, br ? "\u00B6" : o.text.replace(/\t/g, "\u21E5").replace(/\s/g, "\u2423")));
      }
      var sum = tag === "del" && summary(o.text);
      if (!sum) return h(tag, null, shown(o.text));
      return [h("del", { class: "long" }, h("span", { class: "long-sum" }, sum.text), h("span", { class: "long-full" }, shown(o.text))),
        " ", h("button", { type: "button", class: "more", "aria-expanded": open ? "true" : "false", title: "Show or hide the whole deleted text" }, sum.size)];
    });
  }

  return { h: h, append: append, shown: shown, diff: diff, diffNodes: diffNodes };
})();
