"use strict";
// The evaluation report's lists: every mistake and every suspect label, from the JSON in #report-data,
// rendered one page at a time (pictures load only for the cards on screen), filtered by label and kind.
(() => {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const labels = data.labels;
  const pageSize = { mistakes: 48, suspects: 50 };
  const score = s => (s === null ? "—" : s.toFixed(3));
  const make = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  function pager(container, total, size, page, show) {
    container.replaceChildren();
    const pages = Math.max(1, Math.ceil(total / size));
    const previous = make("button", "page-previous", "‹ previous");
    const next = make("button", "page-next", "next ›");
    previous.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    previous.addEventListener("click", () => show(page - 1));
    next.addEventListener("click", () => show(page + 1));
    const from = total === 0 ? 0 : page * size + 1, to = Math.min(total, (page + 1) * size);
    container.append(previous, make("span", "page-status", `${from}–${to} of ${total} · page ${page + 1} of ${pages}`), next);
  }

  // Mistakes ----------------------------------------------------------------------------------------------------
  const labelFilter = document.getElementById("mistake-label");
  const kindFilter = document.getElementById("mistake-kind");
  const mistakeList = document.getElementById("mistake-list");
  const mistakePager = [...document.querySelectorAll(".mistake-pager")];
  labels.forEach((label, index) => {
    const wrong = data.mistakes.filter(m => m.fp.includes(index) || m.fn.includes(index)).length;
    if (wrong > 0) labelFilter.append(new Option(`${label} (${wrong})`, String(index)));
  });

  function matches(mistake) {
    const label = labelFilter.value === "" ? null : Number(labelFilter.value);
    const kind = kindFilter.value;
    const has = list => (label === null ? list.length > 0 : list.includes(label));
    if (kind === "fp") return has(mistake.fp);
    if (kind === "fn") return has(mistake.fn);
    return has(mistake.fp) || has(mistake.fn);
  }

  function card(mistake) {
    const figure = make("figure", "card mistake");
    const link = make("a", "thumb");
    link.href = mistake.url;
    link.title = "open the full image";
    const picture = make("img");
    picture.loading = "lazy";
    picture.alt = mistake.name;
    if (mistake.thumb) picture.src = mistake.thumb;
    else link.append(make("div", "missing", "image unavailable"));
    link.prepend(picture);
    const caption = make("figcaption");
    caption.append(make("div", "file", mistake.name));
    const truth = make("div", "truth", "true: ");
    truth.append(mistake.truth.length ? mistake.truth.join(", ") : make("i", "", "none"));
    const predicted = make("div", "predicted", "predicted: ");
    if (mistake.predicted.length === 0) predicted.append(make("i", "", "none"));
    mistake.predicted.forEach((index, i) => {
      if (i > 0) predicted.append(", ");
      predicted.append(make("span", mistake.fp.includes(index) ? "wrong" : "", labels[index]));
    });
    const wrong = make("div", "wrong-labels");
    const toggles = [];
    for (const [kind, list] of [["fp", mistake.fp], ["fn", mistake.fn]]) {
      for (const index of list) {
        const button = make("button", `toggle ${kind}`, `${labels[index]} · ${kind === "fp" ? "wrong" : "missed"} ${score(mistake.scores[index])}`);
        const heat = mistake.heat && mistake.heat[String(index)];
        const what = kind === "fp" ? "predicted, but the image does not carry it" : "carried, but the model missed it";
        button.title = heat ? `${labels[index]}: ${what}; click for where the model looked` : `${labels[index]}: ${what}`;
        button.disabled = !heat;
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", () => {
          const on = button.getAttribute("aria-pressed") !== "true";
          toggles.forEach(t => t.setAttribute("aria-pressed", "false"));
          button.setAttribute("aria-pressed", String(on));
          picture.src = on ? heat : mistake.thumb;
          figure.classList.toggle("heat", on);
        });
        toggles.push(button);
        wrong.append(button);
      }
    }
    const details = make("details", "scores");
    details.append(make("summary", "", "every score"));
    const table = make("table");
    labels.map((label, index) => [label, index]).sort((a, b) => (mistake.scores[b[1]] ?? -1) - (mistake.scores[a[1]] ?? -1))
      .forEach(([label, index]) => {
        const row = make("tr", mistake.fp.includes(index) || mistake.fn.includes(index) ? "wrong" : "");
        row.append(make("td", "", label), make("td", "num", score(mistake.scores[index])));
        table.append(row);
      });
    details.append(table);
    caption.append(truth, predicted, wrong, details);
    figure.append(link, caption);
    return figure;
  }

  let shown = [];
  function showMistakes(page) {
    mistakeList.replaceChildren(...shown.slice(page * pageSize.mistakes, (page + 1) * pageSize.mistakes).map(card));
    if (shown.length === 0) mistakeList.append(make("p", "empty", data.mistakes.length ? "No mistake matches the filter." : "No image has a wrong label decision."));
    mistakePager.forEach(p => pager(p, shown.length, pageSize.mistakes, page, showMistakes));
  }
  function filterMistakes() {
    shown = data.mistakes.filter(matches);
    showMistakes(0);
  }
  labelFilter.addEventListener("change", filterMistakes);
  kindFilter.addEventListener("change", filterMistakes);
  filterMistakes();

  // Suspect labels ----------------------------------------------------------------------------------------------
  const suspectRows = document.getElementById("suspect-rows");
  const suspectPager = document.getElementById("suspect-pager");
  function showSuspects(page) {
    suspectRows.replaceChildren(...data.suspects.slice(page * pageSize.suspects, (page + 1) * pageSize.suspects).map(suspect => {
      const row = make("tr");
      const cell = make("td");
      const link = make("a");
      link.href = suspect.url;
      if (suspect.thumb) {
        const picture = make("img", "mini");
        picture.loading = "lazy";
        picture.src = suspect.thumb;
        picture.alt = "";
        link.append(picture);
      }
      link.append(suspect.name);
      cell.append(link);
      row.append(cell, make("td", "", labels[suspect.label]),
        make("td", "", suspect.given ? "given, but the model says no" : "not given, but the model says yes"),
        make("td", "num", score(suspect.score)));
      return row;
    }));
    pager(suspectPager, data.suspects.length, pageSize.suspects, page, showSuspects);
  }
  if (suspectRows) showSuspects(0);
})();
