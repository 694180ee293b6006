"use strict";
// The upload page: each picked or dropped image is sent on its own to POST /v1/predict?explain=true
// (multipart field "image"), so one unreadable file only marks its own card. Each predicted label is a
// chip; clicking it shows that label's heat map (where the model found the evidence) on the card.

const drop = document.getElementById("drop");
const input = document.getElementById("files");
const results = document.getElementById("results");
const template = document.getElementById("card");
let thresholds = {};

async function showModel() {
  const line = document.getElementById("model");
  for (;;) {
    try {
      const response = await fetch("/v1/model");
      if (response.ok) {
        const model = await response.json();
        thresholds = model.thresholds;
        line.textContent = `${model.architecture} · ${model.labels.length} labels · ${model.image_size}px · ${model.engine}`;
        return;
      }
      line.textContent = response.status === 503 ? "The model is still loading…" : `The model cannot be described (HTTP ${response.status}).`;
    } catch {
      line.textContent = "The server cannot be reached.";
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

function addCard(file) {
  const card = template.content.firstElementChild.cloneNode(true);
  const image = card.querySelector("img");
  image.addEventListener("load", () => URL.revokeObjectURL(image.src), { once: true });
  image.addEventListener("error", () => image.classList.add("unreadable"), { once: true });
  image.src = URL.createObjectURL(file);
  image.alt = "";
  card.querySelector(".name").textContent = file.name;
  results.prepend(card);
  return card;
}

function showPrediction(card, prediction) {
  card.querySelector(".status").textContent = prediction.labels.length ? "Labels" : "No label over its threshold";
  const labels = card.querySelector(".labels");
  const explanation = card.querySelector(".explanation");
  const chips = [];
  for (const label of prediction.labels) {
    const item = document.createElement("li");
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "chip";
    chip.textContent = label;
    chip.setAttribute("aria-pressed", "false");
    const heat = prediction.explanations?.[label];
    chip.disabled = !heat;
    chip.title = heat ? `Show where the model sees ${label}` : "";
    chip.addEventListener("click", () => {
      const on = chip.getAttribute("aria-pressed") !== "true";
      chips.forEach(other => other.setAttribute("aria-pressed", "false"));
      chip.setAttribute("aria-pressed", String(on));
      explanation.hidden = !on;
      if (on) {
        explanation.querySelector("img").src = heat.image;
        explanation.querySelector("img").alt = `heat map of ${label}`;
        explanation.querySelector("figcaption").textContent =
          `${label}: brighter is stronger evidence; centre at ${Math.round(heat.center[0] * 100)}% across, ${Math.round(heat.center[1] * 100)}% down`;
      }
    });
    chips.push(chip);
    item.append(chip);
    labels.append(item);
  }
  const scores = card.querySelector(".scores");
  const ranked = Object.entries(prediction.scores).sort((a, b) => b[1] - a[1]);
  for (const [label, score] of ranked) {
    const row = document.createElement("li");
    row.classList.toggle("chosen", prediction.labels.includes(label));
    const name = document.createElement("span");
    name.className = "label";
    name.textContent = label;
    const bar = document.createElement("span");
    bar.className = "bar";
    const fill = document.createElement("span");
    fill.className = "fill";
    fill.style.width = `${(score * 100).toFixed(1)}%`;
    bar.append(fill);
    if (label in thresholds) {
      const mark = document.createElement("span");
      mark.className = "threshold";
      mark.style.left = `${(thresholds[label] * 100).toFixed(1)}%`;
      mark.title = `threshold ${thresholds[label].toFixed(2)}`;
      bar.append(mark);
    }
    const value = document.createElement("span");
    value.className = "value";
    value.textContent = score.toFixed(2);
    row.append(name, bar, value);
    scores.append(row);
  }
  card.dataset.state = "done";
}

function showError(card, message) {
  card.querySelector(".status").textContent = message;
  card.dataset.state = "error";
}

async function predict(file) {
  const card = addCard(file);
  const form = new FormData();
  form.append("image", file, file.name);
  try {
    const response = await fetch("/v1/predict?explain=true", { method: "POST", body: form });
    const answer = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
    if (response.ok && answer.predictions[0].error) showError(card, answer.predictions[0].error);
    else if (response.ok) showPrediction(card, answer.predictions[0]);
    else showError(card, answer.error ?? `HTTP ${response.status}`);
  } catch (error) {
    showError(card, `The server cannot be reached (${error.message}).`);
  }
}

function predictAll(files) {
  for (const file of files) predict(file);
}

input.addEventListener("change", () => {
  predictAll(input.files);
  input.value = "";
});
for (const name of ["dragenter", "dragover"]) {
  drop.addEventListener(name, event => {
    event.preventDefault();
    drop.classList.add("over");
  });
}
for (const name of ["dragleave", "drop"]) {
  drop.addEventListener(name, () => drop.classList.remove("over"));
}
drop.addEventListener("drop", event => {
  event.preventDefault();
  predictAll(event.dataTransfer.files);
});

showModel();
