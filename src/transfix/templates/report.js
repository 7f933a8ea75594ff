/* transfix review page: renders the embedded findings, records the editor's decisions and
   exports them as a transfix decisions file. No network, no dependencies. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("transfix-data").textContent);

  var LEVELS = ["safe", "unsafe", "suggest"];
  var LEVEL_RANK = { safe: 0, unsafe: 1, suggest: 2 };
  var LEVEL_INFO = {
    safe: { icon: "\u25CF", label: "safe", long: "Safe: wrong in any English text; applied automatically (starts accepted)", short: "applied automatically" },
    unsafe: { icon: "\u25B2", label: "unsafe", long: "Unsafe: almost always damage, but could be English somewhere; applied only on request", short: "applied only on request" },
    suggest: { icon: "\u25C6", label: "suggest", long: "Suggestion: ordinary English in other senses; a human decides", short: "a human decides" }
  };
  var STATE_INFO = {
    accepted: { icon: "\u2713", label: "accepted" },
    rejected: { icon: "\u2717", label: "rejected" },
    undecided: { icon: "?", label: "undecided" }
  };
  var LANGUAGES = {
    any: "any language", ar: "Arabic", cs: "Czech", da: "Danish", de: "German", el: "Greek",
    es: "Spanish", fi: "Finnish", fr: "French", he: "Hebrew", hi: "Hindi", hu: "Hungarian",
    id: "Indonesian", it: "Italian", ja: "Japanese", ko: "Korean", nl: "Dutch", no: "Norwegian",
    pl: "Polish", pt: "Portuguese", ro: "Romanian", ru: "Russian", sv: "Swedish", tr: "Turkish",
    uk: "Ukrainian", vi: "Vietnamese", zh: "Chinese"
  };
  var EXPORT_NAME = "transfix-decisions.json";

  /* ---------- small helpers ---------- */

  var h = TransfixLib.h, append = TransfixLib.append, shown = TransfixLib.shown;
  var diff = TransfixLib.diff, diffNodes = TransfixLib.diffNodes;

  function pct(x) { return Math.round(x * 100) + "%"; }

  function language(code) {
    return LANGUAGES[code] ? (code === "any" ? LANGUAGES[code] : LANGUAGES[code] + " (" + code + ")") : code;
  }

  function pivots(list) { return list.map(language).join(", "); }

  function quote(text) {
    var t = shown(text);
    if (t.length > 80) t = t.slice(0, 77) + "\u2026";
    return "\u201C" + t + "\u201D";
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ---------- model ---------- */

  var files = DATA.files.map(function (file, fi) {
    var findings = file.findings.map(function (f, i) {
      /* Line breaks at either end of a finding with words in it are drawn as the layout they are,
         outside the highlight (ds..de), so no highlight or badge spills into the next paragraph. */
      var edges = /\S/.test(f.text) ? /^(\s*)[^]*?(\s*)$/.exec(f.text) : ["", "", ""];
      var lead = edges[1].indexOf("\n") < 0 ? "" : edges[1], trail = edges[2].indexOf("\n") < 0 ? "" : edges[2];
      return Object.assign({}, f, {
        file: fi, index: i, key: fi + "-" + i, lead: lead, trail: trail,
        ds: f.u16start + lead.length, de: f.u16end - trail.length,
        choice: f.replacements.length ? 0 : -1, custom: null, state: "undecided", note: ""
      });
    });
    return Object.assign({}, file, { index: fi, findings: findings });
  });

  var byKey = {};
  files.forEach(function (file) { file.findings.forEach(function (f) { byKey[f.key] = f; }); });

  function hasReplacement(f) { return f.custom !== null || f.replacements.length > 0; }

  function replacementOf(f) {
    if (f.custom !== null) return f.custom;
    return f.choice >= 0 ? f.replacements[f.choice] : "";
  }

  function describe(f) { return f.rule + " at line " + f.line; }

  /* Two changes cannot both be applied when their spans overlap (the rule `transfix apply` uses;
     two insertions at one point are also refused, as their order would be ambiguous). */
  function overlaps(a, b) {
    if (a === b || a.file !== b.file) return false;
    var aEmpty = a.start === a.end, bEmpty = b.start === b.end;
    if (aEmpty && bEmpty) return a.start === b.start;
    if (aEmpty) return b.start < a.start && a.start < b.end;
    if (bEmpty) return a.start < b.start && b.start < a.end;
    return a.start < b.end && b.start < a.end;
  }

  function priority(a, b) {
    return (b.end - b.start) - (a.end - a.start) || LEVEL_RANK[a.fix] - LEVEL_RANK[b.fix] ||
      b.confidence - a.confidence || a.start - b.start || a.index - b.index;
  }

  function applyDefaults() {
    files.forEach(function (file) {
      var accepted = [];
      file.findings.forEach(function (f) {
        f.choice = f.replacements.length ? 0 : -1; f.custom = null; f.state = "undecided"; f.note = "";
      });
      file.findings.filter(function (f) { return f.fix === "safe" && f.replacements.length; })
        .sort(priority).forEach(function (f) {
          var other = accepted.find(function (o) { return overlaps(o, f); });
          if (other) {
            f.state = "rejected";
            f.note = "Rejected automatically: it overlaps " + describe(other) + ", a larger safe change accepted by default.";
          } else {
            f.state = "accepted";
            accepted.push(f);
          }
        });
    });
  }

  /* ---------- saved decisions (this browser only) ---------- */

  var storageKey = "transfix-review:" + files.map(function (f) { return f.path + "@" + f.sha256; }).join("|");

  function signature(f) { return f.rule + "@" + f.start + "-" + f.end; }

  function save() {
    try {
      var record = { saved: new Date().toISOString(), findings: {} };
      files.forEach(function (file) {
        file.findings.forEach(function (f) {
          record.findings[file.index + ":" + signature(f)] = { s: f.state, c: f.choice, x: f.custom, n: f.note };
        });
      });
      window.localStorage.setItem(storageKey, JSON.stringify(record));
    } catch (e) { /* storage unavailable: decisions live only in this page */ }
  }

  function restore() {
    var record;
    try { record = JSON.parse(window.localStorage.getItem(storageKey) || "null"); } catch (e) { record = null; }
    if (!record || !record.findings) return null;
    var count = 0;
    files.forEach(function (file) {
      file.findings.forEach(function (f) {
        var saved = record.findings[file.index + ":" + signature(f)];
        if (!saved || !STATE_INFO[saved.s]) return;
        f.state = saved.s;
        f.choice = typeof saved.c === "number" && saved.c < f.replacements.length ? saved.c : f.choice;
        f.custom = typeof saved.x === "string" ? saved.x : null;
        f.note = typeof saved.n === "string" ? saved.n : "";
        count++;
      });
    });
    return count ? { count: count, saved: record.saved } : null;
  }

  /* ---------- view state ---------- */

  var current = 0;         // index of the file shown
  var selected = null;     // the selected finding
  var restored = null;
  var summaryOpen = files.length < 2;  // with several files, the text comes first
  var previewOn = false;   // showing the text as it reads with the accepted changes
  var filters = { levels: {}, categories: {} };
  LEVELS.forEach(function (l) { filters.levels[l] = true; });
  files.forEach(function (file) { file.findings.forEach(function (f) { filters.categories[f.category] = true; }); });

  function isVisible(f) { return filters.levels[f.fix] !== false && filters.categories[f.category] !== false; }

  var app = document.getElementById("app");
  var toastEl = document.getElementById("toast");
  var helpDialog = document.getElementById("help");
  var docText = null, detailEl = null, decisionsCard = null, printTable = null;
  var toastTimer = null;

  function toast(message, kind) {
    toastEl.textContent = "";
    append(toastEl, message);
    toastEl.className = "toast" + (kind ? " toast-" + kind : "");
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastEl.hidden = true; }, kind === "warn" ? 9000 : 6000);
  }

  /* ---------- rendering: the document ---------- */

  function findingEl(f) {
    f.el = h("span", { class: "f lvl-" + f.fix, id: "f-" + f.key, tabindex: "0", role: "button", "data-key": f.key });
    updateEl(f);
    return f.el;
  }

  /* The change as drawn: the finding's text without its outer line breaks, and the replacement
     without the same breaks; a pilcrow when the replacement drops them. */
  function changeNodes(f) {
    var before = files[f.file].text.slice(f.ds, f.de), r = replacementOf(f), dropped = false;
    if (r.slice(0, f.lead.length) === f.lead) r = r.slice(f.lead.length); else dropped = r !== "";
    if (f.trail && r.slice(-f.trail.length) === f.trail) r = r.slice(0, -f.trail.length); else dropped = dropped || (!!f.trail && r !== "");
    return diffNodes(diff(before, r).concat(dropped ? [{ op: "del", text: "\n" }] : []), f.open);
  }

  function updateEl(f) {
    var el = f.el;
    if (!el) return;
    el.className = "f lvl-" + f.fix + " st-" + f.state + (f === selected ? " sel" : "") + (f.note && f.state === "rejected" ? " auto" : "") + (f.open ? " open" : "");
    el.setAttribute("data-state", f.state);
    el.textContent = "";
    var level = LEVEL_INFO[f.fix], state = STATE_INFO[f.state];
    // The badge is glued to the change (word joiner, no wrap inside): it never starts a line alone.
    append(el, hasReplacement(f) ? h("span", { class: "diff" }, changeNodes(f)) : h("span", { class: "diff nofix" }, shown(files[f.file].text.slice(f.ds, f.de))),
      "\u2060", h("span", { class: "tag", "aria-hidden": "true" }, h("span", { class: "tag-level" }, level.label), h("span", { class: "tag-state" }, state.icon)));
    var label = (f.index + 1) + ". " + level.label + " " + f.rule + ": " + quote(f.text) +
      (hasReplacement(f) ? " to " + quote(replacementOf(f)) : ", no replacement suggested") + ". " + state.label +
      (f.note && f.state === "rejected" ? " (overlap)" : "") + ".";
    el.setAttribute("aria-label", label);
    el.title = f.message + " \u2014 " + level.label + ", " + state.label;
  }

  function clusters(file) {
    var visible = file.findings.filter(isVisible).slice().sort(function (a, b) {
      return a.ds - b.ds || b.de - a.de || a.index - b.index;
    });
    var groups = [];
    visible.forEach(function (f) {
      var last = groups[groups.length - 1];
      if (last && (f.ds < last.end || last.members.some(function (m) { return overlaps(m, f); }))) {
        last.members.push(f);
        last.end = Math.max(last.end, f.de);
      } else {
        groups.push({ start: f.ds, end: f.de, members: [f] });
      }
    });
    return groups;
  }

  /* Writes file.text between two offsets, with a marker where lines without findings were left
     out of the report (file.gaps). Calls must move forward. */
  function writer(container, file) {
    var next = 0, gaps = file.gaps || [];
    return function (a, b) {
      for (; next < gaps.length && gaps[next][0] <= b; next++) {
        var g = gaps[next];
        append(container, shown(file.text.slice(a, g[0])), h("span", { class: "gap" },
          "\u22EF " + (g[1] === g[2] ? "line " + g[1] : "lines " + g[1] + "\u2013" + g[2]) + " not shown: no findings \u22EF"), "\n");
        a = g[0];
      }
      append(container, shown(file.text.slice(a, b)));
    };
  }

  function textBox(file, label) {
    return h("div", { class: "doc-text", id: "doc-text", tabindex: "-1", "aria-label": label + file.path });
  }

  /* Overlapping findings: the span once, then each option as its own short change. */
  function renderText(file) {
    files.forEach(function (other) { other.findings.forEach(function (f) { f.el = null; }); });
    var container = textBox(file, "Text of "), write = writer(container, file), position = 0;
    clusters(file).forEach(function (group) {
      write(position, group.start);
      if (group.members.length === 1) {
        append(container, findingEl(group.members[0]));
      } else {
        append(container, h("span", { class: "cluster", role: "group", "aria-label": group.members.length + " overlapping suggestions: only one can be accepted" },
          h("span", { class: "cluster-label", "aria-hidden": "true" }, group.members.length + " overlapping, pick one:"), " ",
          h("span", { class: "cluster-orig" }, shown(file.text.slice(group.start, group.end))),
          h("span", { class: "cluster-options" }, group.members.map(function (f, k) {
            return [k ? h("span", { class: "cluster-or", "aria-hidden": "true" }, " or ") : null, findingEl(f)];
          }))));
      }
      position = Math.max(position, group.end);
    });
    write(position, file.text.length);
    return container;
  }

  /* The preview: the text with the accepted changes applied and nothing else marked. */
  function renderPreview(file) {
    var container = textBox(file, "Preview of "), write = writer(container, file), position = 0;
    file.findings.filter(function (f) { return f.state === "accepted"; }).sort(function (a, b) { return a.u16start - b.u16start; })
      .forEach(function (f) {
        write(position, f.u16start);
        if (replacementOf(f)) append(container, h("ins", { class: "applied" }, shown(replacementOf(f))));
        position = f.u16end;
      });
    write(position, file.text.length);
    return container;
  }

  /* ---------- rendering: summary, filters, detail ---------- */

  function counts(list) {
    var c = { accepted: 0, rejected: 0, undecided: 0 };
    list.forEach(function (f) { c[f.state]++; });
    return c;
  }

  function allFindings() { return [].concat.apply([], files.map(function (f) { return f.findings; })); }

  function levelBadge(level) {
    var info = LEVEL_INFO[level];
    return h("span", { class: "badge lvl-" + level, title: info.long },
      h("span", { class: "badge-icon", "aria-hidden": "true" }, info.icon), " " + info.label);
  }

  function stateBadge(state) {
    var info = STATE_INFO[state];
    return h("span", { class: "badge st-badge st-" + state },
      h("span", { class: "badge-icon", "aria-hidden": "true" }, info.icon), " " + info.label);
  }

  function renderScore(file) {
    var s = file.score;
    var bar = h("div", { class: "meter", role: "img", "aria-label": "Round-trip probability " + s.probability.toFixed(2) });
    var fill = h("div", { class: "meter-fill" });
    fill.style.width = Math.max(2, Math.round(s.probability * 100)) + "%";
    bar.appendChild(fill);
    var others = Object.keys(s.pivots || {}).filter(function (p) { return p !== s.pivot; })
      .map(function (p) { return language(p) + " " + pct(s.pivots[p]); });
    var pivotText = s.pivot
      ? [h("strong", null, language(s.pivot)), " (" + pct(s.pivots[s.pivot]) + " of the pivot-specific weight)", others.length ? "; also " + others.join(", ") : ""]
      : ["not named", Object.keys(s.pivots || {}).length ? " (evidence split: " + Object.keys(s.pivots).map(function (p) { return language(p) + " " + pct(s.pivots[p]); }).join(", ") + ")" : " (no pivot-specific evidence)"];
    return h("section", { class: "card score-card", "aria-labelledby": "score-title" },
      h("h2", { id: "score-title" }, "Round-trip score"),
      h("p", { class: "score-line" }, h("span", { class: "score-number" }, s.probability.toFixed(2)), " ", h("span", { class: "verdict v-" + s.verdict.replace(/\W+/g, "-") }, s.verdict)),
      bar,
      h("dl", { class: "facts" },
        h("dt", null, "Pivot"), h("dd", null, pivotText),
        h("dt", null, "Density"), h("dd", null, s.density.toFixed(1) + " weighted findings per 1,000 words (" + s.words.toLocaleString("en") + " words)"),
        h("dt", null, "Evidence"), h("dd", null, s.evidence.length
          ? h("ul", { class: "evidence" }, s.evidence.map(function (e) { return h("li", null, h("code", null, e.rule), " \u00D7" + e.count); }))
          : "none")));
  }

  function renderCounts(file) {
    var categories = {};
    file.findings.forEach(function (f) {
      var row = categories[f.category] || (categories[f.category] = { safe: 0, unsafe: 0, suggest: 0 });
      row[f.fix]++;
    });
    var names = Object.keys(categories).sort();
    var total = { safe: 0, unsafe: 0, suggest: 0 };
    var body = names.map(function (name) {
      var row = categories[name];
      LEVELS.forEach(function (l) { total[l] += row[l]; });
      return h("tr", null, h("th", { scope: "row" }, name),
        LEVELS.map(function (l) { return h("td", { class: row[l] ? "" : "zero" }, String(row[l])); }),
        h("td", { class: "total" }, String(row.safe + row.unsafe + row.suggest)));
    });
    return h("section", { class: "card counts-card", "aria-labelledby": "counts-title" },
      h("h2", { id: "counts-title" }, "Findings"),
      names.length ? h("table", { class: "counts" },
        h("thead", null, h("tr", null, h("th", { scope: "col" }, "category"),
          LEVELS.map(function (l) { return h("th", { scope: "col", class: "lvl-head lvl-" + l }, h("span", { "aria-hidden": "true" }, LEVEL_INFO[l].icon + " "), l); }),
          h("th", { scope: "col" }, "total"))),
        h("tbody", null, body),
        h("tfoot", null, h("tr", null, h("th", { scope: "row" }, "all"),
          LEVELS.map(function (l) { return h("td", null, String(total[l])); }),
          h("td", { class: "total" }, String(file.findings.length))))) : h("p", null, "None."));
  }

  function renderDecisionsCard(file) {
    var card = h("section", { class: "card decisions-card", "aria-labelledby": "decisions-title" },
      h("h2", { id: "decisions-title" }, "Decisions"));
    decisionsCard = h("div", { class: "decision-counts", "aria-live": "polite" });
    card.appendChild(decisionsCard);
    append(card, h("p", { class: "hint" }, "Safe fixes start accepted; unsafe and suggested ones start undecided and export as not accepted."));
    append(card, h("p", { class: "card-actions" },
      h("button", { type: "button", class: "btn btn-primary", onclick: exportDecisions }, "Export decisions"),
      " ",
      h("button", { type: "button", class: "btn", onclick: resetAll }, "Reset to defaults")));
    return card;
  }

  function refreshCounts() {
    var file = files[current];
    if (decisionsCard) {
      var c = counts(file.findings);
      decisionsCard.textContent = "";
      ["accepted", "rejected", "undecided"].forEach(function (s) {
        append(decisionsCard, h("p", { class: "decision-count" }, stateBadge(s), h("span", { class: "count" }, String(c[s]))));
      });
    }
    var all = counts(allFindings());
    var tally = document.getElementById("tally");
    tally.textContent = all.accepted + " accepted \u00B7 " + all.rejected + " rejected \u00B7 " + all.undecided + " undecided";
    if (previewOn && docText) { var fresh = renderPreview(file); docText.replaceWith(fresh); docText = fresh; }
    renderPrintTable();
  }

  function renderFilters(file) {
    var section = h("section", { class: "filters", "aria-label": "Filters" });
    var levelSet = h("fieldset", null, h("legend", null, "Fix level"));
    LEVELS.forEach(function (l) {
      var n = file.findings.filter(function (f) { return f.fix === l; }).length;
      append(levelSet, chip("level-" + l, filters.levels[l], [h("span", { class: "chip-icon lvl-" + l, "aria-hidden": "true" }, LEVEL_INFO[l].icon), " " + l + " ", h("span", { class: "chip-count" }, String(n))],
        function (on) { filters.levels[l] = on; rerender(); }));
    });
    var catSet = h("fieldset", null, h("legend", null, "Category"));
    Object.keys(filters.categories).sort().forEach(function (c) {
      var n = file.findings.filter(function (f) { return f.category === c; }).length;
      append(catSet, chip("category-" + c, filters.categories[c], [c + " ", h("span", { class: "chip-count" }, String(n))],
        function (on) { filters.categories[c] = on; rerender(); }));
    });
    append(section, levelSet, catSet);
    return section;
  }

  function chip(id, checked, label, onchange) {
    var input = h("input", { type: "checkbox", id: "filter-" + id.replace(/[^\w-]/g, "_"), checked: checked,
      onchange: function () { onchange(input.checked); } });
    return h("label", { class: "chip" }, input, h("span", { class: "chip-label" }, label));
  }

  function renderDetailPanel() {
    detailEl.textContent = "";
    var f = selected;
    if (!f) {
      append(detailEl, h("div", { class: "detail-empty" },
        h("h2", null, "No finding selected"),
        h("p", null, "Click a highlighted change, or press ", h("kbd", null, "j"), " for the next one and ", h("kbd", null, "k"), " for the previous."),
        h("p", null, "Then ", h("kbd", null, "a"), " accepts, ", h("kbd", null, "r"), " rejects, ", h("kbd", null, "e"), " edits the replacement. ", h("kbd", null, "?"), " lists every key.")));
      return;
    }
    var file = files[f.file];
    var list = visibleList();
    var position = list.indexOf(f);
    append(detailEl, h("p", { class: "detail-where" },
      position >= 0 ? "Finding " + (position + 1) + " of " + list.length : "Finding (hidden by filters)",
      " \u00B7 line " + f.line + ", column " + f.column));
    append(detailEl, h("h2", { class: "detail-rule" }, h("code", null, f.rule)));
    append(detailEl, h("p", { class: "badges" }, levelBadge(f.fix), " ", stateBadge(f.state)));
    append(detailEl, h("p", { class: "message" }, f.message));
    if (f.note) append(detailEl, h("p", { class: "note", role: "note" }, h("span", { "aria-hidden": "true" }, "\u26A0 "), f.note));

    var preview = h("p", { class: "change" });
    if (hasReplacement(f)) append(preview, diffNodes(diff(f.text, replacementOf(f)), false));
    else append(preview, h("span", { class: "nofix" }, shown(f.text)), h("span", { class: "muted" }, " (no replacement suggested: edit to write one)"));
    if (hasReplacement(f) && replacementOf(f) === "") append(preview, h("span", { class: "muted" }, " (deleted)"));
    append(detailEl, h("div", { class: "change-box", "aria-label": "Proposed change" }, preview));

    append(detailEl, h("div", { class: "actions", role: "group", "aria-label": "Decision" },
      actionButton("btn-accept", "Accept", "a", "accepted", function () { setState(f, "accepted"); }),
      actionButton("btn-reject", "Reject", "r", "rejected", function () { setState(f, "rejected"); }),
      actionButton("btn-undecided", "Undecided", "u", "undecided", function () { setState(f, "undecided"); })));

    if (f.explanation) {
      append(detailEl, h("h3", null, "Why a round trip does this"), h("p", { class: "explanation" }, f.explanation));
    }
    append(detailEl, h("dl", { class: "facts detail-facts" },
      h("dt", null, "Category"), h("dd", null, f.category),
      h("dt", null, "Pivot"), h("dd", null, pivots(f.pivot)),
      h("dt", null, "Fix level"), h("dd", { title: LEVEL_INFO[f.fix].long }, LEVEL_INFO[f.fix].label + ": " + LEVEL_INFO[f.fix].short),
      h("dt", null, "Confidence"), h("dd", null, pct(f.confidence)),
      h("dt", null, "Source"), h("dd", null, f.source)));
    var choices = h("fieldset", { class: "choices" }, h("legend", null, "Replacement"));
    f.replacements.forEach(function (r, i) {
      var radio = h("input", { type: "radio", name: "choice", id: "choice-" + i, checked: f.custom === null && f.choice === i,
        onchange: function () { choose(f, i); } });
      append(choices, h("label", { class: "choice", for: "choice-" + i }, radio,
        h("span", { class: "choice-key", "aria-hidden": "true" }, String(i + 1)),
        r === "" ? h("span", { class: "muted" }, "(delete the text)") : h("span", { class: "choice-text" }, shown(r))));
    });
    var editor = h("textarea", { id: "edit-replacement", rows: "2", spellcheck: "true", "aria-describedby": "edit-help",
      "aria-label": "Your replacement text" });
    editor.value = f.custom !== null ? f.custom : (hasReplacement(f) ? replacementOf(f) : f.text);
    var customRadio = h("input", { type: "radio", name: "choice", id: "choice-custom", checked: f.custom !== null,
      onchange: function () { editor.focus(); } });
    append(choices, h("label", { class: "choice", for: "choice-custom" }, customRadio, h("span", { class: "choice-key", "aria-hidden": "true" }, "e"), "Your own text:"));
    append(choices, editor);
    append(choices, h("p", { class: "edit-row" },
      h("button", { type: "button", class: "btn", id: "btn-accept-edit", onclick: function () { acceptEdit(f); } }, "Accept edited text"),
      h("span", { id: "edit-help", class: "muted" }, " Enter accepts, Shift+Enter adds a line, Esc cancels.")));
    append(detailEl, choices);

    if (file.findings.length && position < 0) {
      append(detailEl, h("p", { class: "muted" }, "This finding is hidden by the filters."));
    }
  }

  function actionButton(id, label, key, state, onclick) {
    var pressed = selected && selected.state === state;
    return h("button", { type: "button", id: id, class: "btn act act-" + state + (pressed ? " on" : ""), "aria-pressed": pressed ? "true" : "false",
      "aria-keyshortcuts": key, onclick: onclick },
    h("span", { "aria-hidden": "true", class: "act-icon" }, STATE_INFO[state].icon), " " + label + " ", h("kbd", { "aria-hidden": "true" }, key));
  }

  function renderPrintTable() {
    if (!printTable) return;
    var file = files[current];
    printTable.textContent = "";
    append(printTable, h("h2", null, "Decisions for " + file.path));
    append(printTable, h("table", null,
      h("thead", null, h("tr", null, ["#", "line", "rule", "level", "change", "decision"].map(function (c) { return h("th", { scope: "col" }, c); }))),
      h("tbody", null, file.findings.map(function (f) {
        return h("tr", null, h("td", null, String(f.index + 1)), h("td", null, String(f.line)), h("td", null, f.rule),
          h("td", null, f.fix), h("td", null, quote(f.text) + " \u2192 " + (hasReplacement(f) ? quote(replacementOf(f)) : "(none)")),
          h("td", null, STATE_INFO[f.state].icon + " " + f.state));
      }))));
  }

  /* Only the files with findings, named below the directory they share; the others are counted. */
  var shared = files.reduce(function (p, file) {
    while (file.path.indexOf(p) !== 0) p = p.slice(0, p.lastIndexOf("/", p.length - 2) + 1);
    return p;
  }, files.length > 1 ? files[0].path.slice(0, files[0].path.lastIndexOf("/") + 1) : "");

  function renderFileNav() {
    if (files.length < 2 && !DATA.clean) return null;
    return h("nav", { class: "files", "aria-label": "Files" }, h("ul", null, files.map(function (file) {
      var c = counts(file.findings);
      return h("li", null, h("button", { type: "button", class: "file-btn" + (file.index === current ? " current" : ""),
        "aria-current": file.index === current ? "page" : null,
        onclick: function () { switchFile(file.index); }, title: file.path },
      file.path.slice(shared.length), " ", h("span", { class: "chip-count" }, String(file.findings.length)),
      c.undecided ? h("span", { class: "muted" }, " (" + c.undecided + " undecided)") : null));
    }), DATA.clean ? h("li", { class: "clean-count muted" }, "+ " + plural(DATA.clean, "file") + " with no findings") : null));
  }

  function render() {
    var file = files[current];
    app.textContent = "";
    if (!file) return append(app, h("p", { class: "empty" }, "No findings in " + plural(DATA.clean, "file") + "."));
    document.getElementById("topbar-file").textContent = file.path;
    if (restored) {
      append(app, h("p", { class: "banner", role: "status" },
        "Restored " + plural(restored.count, "decision") + " saved in this browser" +
        (restored.saved ? " on " + new Date(restored.saved).toLocaleString() : "") + ". ",
        h("button", { type: "button", class: "btn", onclick: resetAll }, "Reset to defaults")));
    }
    append(app, renderFileNav());
    append(app, h("header", { class: "doc-head" },
      h("h1", null, file.path),
      h("p", { class: "muted" }, plural(file.findings.length, "finding") + " \u00B7 " + file.encoding + " \u00B7 sha256 " + file.sha256.slice(0, 12) + "\u2026" +
        (file.gaps.length ? " \u00B7 long file: only the lines around the findings are shown" : ""))));
    var box = h("details", { class: "summary-box", open: summaryOpen,
      ontoggle: function () { summaryOpen = box.open; } },
      h("summary", null, h("span", { class: "summary-title" }, "Summary"), " ",
        h("span", { class: "muted" }, file.score.probability.toFixed(2) + " " + file.score.verdict +
          (file.score.pivot ? ", pivot " + language(file.score.pivot) : "") + " \u00B7 " + plural(file.findings.length, "finding"))),
      h("div", { class: "summary" }, renderScore(file), renderCounts(file), renderDecisionsCard(file)));
    append(app, box);
    append(app, renderFilters(file));
    docText = previewOn ? renderPreview(file) : renderText(file);
    detailEl = h("aside", { class: "detail", id: "detail", "aria-label": "Selected finding" });
    append(app, h("div", { class: "workspace" }, h("article", { class: "doc", "aria-label": "Document" }, docText), detailEl));
    printTable = h("section", { class: "print-only print-table" });
    append(app, printTable);
    if (selected && selected.file !== current) selected = null;
    if (selected && selected.el) selected.el.classList.add("sel");
    renderDetailPanel();
    refreshCounts();
  }

  function rerender() {
    var keep = selected;
    render();
    if (keep && keep.el) select(keep, { focus: false, scroll: true });
  }

  /* ---------- actions ---------- */

  function visibleList() {
    if (!docText) return [];
    return Array.prototype.map.call(docText.querySelectorAll(".f"), function (el) { return byKey[el.getAttribute("data-key")]; });
  }

  function inView(el) {
    var rect = el.getBoundingClientRect();
    var top = document.querySelector(".topbar").getBoundingClientRect().bottom;
    return rect.top >= top + 8 && rect.bottom <= window.innerHeight - 8;
  }

  function select(f, options) {
    options = options || {};
    if (selected && selected.el) selected.el.classList.remove("sel");
    selected = f;
    if (f && f.el) {
      f.el.classList.add("sel");
      if (options.focus !== false && document.activeElement !== f.el) f.el.focus({ preventScroll: true });
      if (options.scroll !== false && !inView(f.el)) f.el.scrollIntoView({ block: "center" });
    }
    renderDetailPanel();
  }

  function move(delta) {
    var list = visibleList();
    var index = selected ? list.indexOf(selected) : -1;
    var next = index < 0 ? (delta > 0 ? 0 : list.length - 1) : index + delta;
    if (list.length && next >= 0 && next < list.length) { select(list[next]); return; }
    for (var k = current + delta; k >= 0 && k < files.length; k += delta) {
      if (files[k].findings.some(isVisible)) {
        switchFile(k);
        var others = visibleList();
        select(others[delta > 0 ? 0 : others.length - 1]);
        toast("Now reviewing " + files[k].path);
        return;
      }
    }
    toast(list.length ? (delta > 0 ? "That was the last finding." : "That was the first finding.") : "No finding matches the filters.");
  }

  function switchFile(index) {
    if (index === current) return;
    current = index;
    selected = null;
    render();
    window.scrollTo(0, 0);
  }

  function setState(f, state) {
    if (!f) return;
    var file = files[f.file];
    if (state === "accepted" && !hasReplacement(f)) {
      startEdit(f);
      toast("No replacement is suggested for this one: type yours, then press Enter to accept it.");
      return;
    }
    var displaced = [];
    if (state === "accepted") {
      displaced = file.findings.filter(function (o) { return o.state === "accepted" && overlaps(o, f); });
      displaced.forEach(function (o) {
        o.state = "rejected";
        o.note = "Rejected automatically: it overlaps " + describe(f) + ", which you accepted. Overlapping changes cannot both apply.";
        updateEl(o);
      });
    }
    f.state = state;
    f.note = displaced.length ? "Accepting this rejected the overlapping " + displaced.map(describe).join(", ") + "." : "";
    updateEl(f);
    save();
    refreshCounts();
    renderDetailPanel();
    if (displaced.length) {
      toast(["Accepted ", h("code", null, f.rule), ". Rejected the overlapping ", displaced.map(describe).join(", "),
        ": overlapping changes cannot both apply."], "warn");
    } else {
      toast(STATE_INFO[state].icon + " " + f.rule + ": " + STATE_INFO[state].label);
    }
  }

  function choose(f, index) {
    if (!f || index >= f.replacements.length) return;
    f.choice = index;
    f.custom = null;
    updateEl(f);
    save();
    refreshCounts();
    renderDetailPanel();
    toast("Replacement " + (index + 1) + " chosen: " + quote(f.replacements[index]) + (f.state === "accepted" ? "" : " (press a to accept it)"));
  }

  function startEdit(f) {
    if (!f) return;
    if (selected !== f) select(f);
    var editor = document.getElementById("edit-replacement");
    if (!editor) return;
    editor.focus();
    editor.select();
  }

  function acceptEdit(f) {
    var editor = document.getElementById("edit-replacement");
    if (!f || !editor) return;
    var value = editor.value;
    var index = f.replacements.indexOf(value);
    if (index >= 0) { f.choice = index; f.custom = null; } else { f.custom = value; }
    setState(f, "accepted");
    if (f.el) f.el.focus({ preventScroll: true });
  }

  function resetAll() {
    try { window.localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
    applyDefaults();
    restored = null;
    rerender();
    toast("Every decision is back to its default.");
  }

  function exportDecisions() {
    var accepted = 0, undecided = 0, total = 0;
    var document_ = {
      version: DATA.decisions.version,
      kind: DATA.decisions.kind,
      files: files.map(function (file) {
        return {
          path: file.path,
          sha256: file.sha256,
          decisions: file.findings.map(function (f) {
            total++;
            if (f.state === "accepted") accepted++;
            if (f.state === "undecided") undecided++;
            return { rule: f.rule, start: f.start, end: f.end, text: f.text, replacement: replacementOf(f), accepted: f.state === "accepted" };
          })
        };
      })
    };
    var clash = null;
    files.forEach(function (file) {
      var on = file.findings.filter(function (f) { return f.state === "accepted"; });
      on.forEach(function (a) { on.forEach(function (b) { if (!clash && a.index < b.index && overlaps(a, b)) clash = [a, b]; }); });
    });
    if (clash) {
      toast("Cannot export: " + describe(clash[0]) + " and " + describe(clash[1]) + " overlap and are both accepted.", "warn");
      return;
    }
    var blob = new Blob([JSON.stringify(document_, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = h("a", { href: url, download: EXPORT_NAME, class: "hidden-link" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
    toast(["Exported " + plural(total, "decision") + ": " + accepted + " accepted" +
      (undecided ? ", " + undecided + " undecided exported as not accepted" : "") + ". Apply them with ",
    h("code", null, "transfix apply " + EXPORT_NAME), " from the directory where the report was made."]);
  }

  /* ---------- events ---------- */

  function findingFromEvent(event) {
    var el = event.target.closest ? event.target.closest(".f") : null;
    return el ? byKey[el.getAttribute("data-key")] : null;
  }

  app.addEventListener("click", function (event) {
    var more = event.target.closest && event.target.closest(".more");
    var box = more && more.closest(".f, .change");
    if (box) {  // show or hide a long deletion whole
      var f0 = byKey[box.getAttribute("data-key")];
      more.setAttribute("aria-expanded", box.classList.toggle("open") ? "true" : "false");
      if (f0) f0.open = box.classList.contains("open");
    }
    var f = findingFromEvent(event);
    if (f) select(f, { focus: true, scroll: false });
  });

  app.addEventListener("focusin", function (event) {
    var f = findingFromEvent(event);
    if (f && f !== selected) select(f, { focus: false, scroll: false });
  });

  function openHelp() {
    if (helpDialog.open) return;
    if (typeof helpDialog.showModal === "function") helpDialog.showModal(); else helpDialog.setAttribute("open", "");
  }

  function closeHelp() {
    if (typeof helpDialog.close === "function") helpDialog.close(); else helpDialog.removeAttribute("open");
  }

  function togglePreview() {
    var on = previewOn = document.body.classList.toggle("preview");
    document.getElementById("toggle-preview").setAttribute("aria-pressed", on ? "true" : "false");
    if (files.length) rerender();
    toast(on ? "Preview: the text as it reads with the accepted changes." : "Showing every proposed change.");
  }

  window.addEventListener("beforeprint", function () {
    var box = document.querySelector(".summary-box");
    if (box) box.open = true;
  });

  document.getElementById("open-help").addEventListener("click", openHelp);
  document.getElementById("close-help").addEventListener("click", closeHelp);
  document.getElementById("export").addEventListener("click", exportDecisions);
  document.getElementById("toggle-preview").addEventListener("click", togglePreview);

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (helpDialog.open) {
      if (event.key === "?") { closeHelp(); event.preventDefault(); }
      return;
    }
    if (target && target.id === "edit-replacement") {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); acceptEdit(selected); }
      else if (event.key === "Escape") { event.preventDefault(); renderDetailPanel(); if (selected && selected.el) selected.el.focus(); }
      return;
    }
    if (target && target.closest && target.closest("textarea, select, [contenteditable], input:not([type=checkbox]):not([type=radio])")) return;
    var handled = true;
    switch (event.key) {
      case "j": case "n": move(1); break;
      case "k": case "p": move(-1); break;
      case "a": if (selected) setState(selected, "accepted"); else toast("Select a finding first (j)."); break;
      case "r": if (selected) setState(selected, "rejected"); else toast("Select a finding first (j)."); break;
      case "u": if (selected) setState(selected, "undecided"); else toast("Select a finding first (j)."); break;
      case "e": if (selected) startEdit(selected); else toast("Select a finding first (j)."); break;
      case "v": togglePreview(); break;
      case "?": openHelp(); break;
      default:
        if (/^[1-9]$/.test(event.key) && selected) choose(selected, Number(event.key) - 1);
        else handled = false;
    }
    if (handled) event.preventDefault();
  });

  /* ---------- start ---------- */

  applyDefaults();
  restored = restore();
  render();
  document.documentElement.setAttribute("data-ready", "true");
})();
