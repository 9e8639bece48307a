// Staff: the mail Guichet kept unattached or ignored, newest first, a page at a time; read, file away or post on a request.
import { api } from "./api.js";
import { frame, el, isStaff, showErrors, clearErrors, dateTime } from "./layout.js";

const SIZE = 20;

const success = document.getElementById("message-succes");
const summary = document.getElementById("resume-erreurs");
const position = document.getElementById("position");
const list = document.getElementById("courriels");
const previous = document.getElementById("precedent");
const next = document.getElementById("suivant");

const params = new URLSearchParams(window.location.search);
const ignored = params.get("liste") === "ignores";
let page = Math.max(1, Number.parseInt(params.get("page"), 10) || 1);

/** The full text of a mail, read when its "Lire tout le courriel" is opened. */
function fullText(mail) {
  const text = el("pre", { class: "texte-courriel" });
  const details = el("details", {}, el("summary", {}, "Lire tout le courriel"), text);
  details.addEventListener("toggle", async () => {
    if (!details.open || text.textContent) return;
    try {
      text.textContent = (await api.keptMail(mail.id)).data.text || "(courriel sans texte)";
    } catch (error) {
      showErrors(document.querySelector("main"), summary, error);
    }
  });
  return details;
}

/** "Verser sur la demande n°": always an internal note saying who wrote the mail and when. */
function attachForm(mail) {
  const id = `demande-${mail.id}`;
  const errorId = `erreur-${mail.id}`;
  const input = el("input", {
    id, name: "number", type: "text", inputmode: "numeric", autocomplete: "off", size: "9", maxlength: "12",
    "data-champ": "number", "aria-describedby": errorId, value: mail.request || "",
  });
  const errors = el("div", { class: "alerte erreur", role: "alert", tabindex: "-1" });
  const form = el("form", { class: "verser", novalidate: true },
    errors,
    el("div", { class: "champ" },
      el("label", { for: id }, "Verser sur la demande n°"), " ", input,
      el("p", { class: "erreur-champ", id: errorId })),
    el("button", { class: "bouton secondaire", type: "submit" }, "Verser"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, errors);
    try {
      const { data } = await api.attachMail(mail.id, input.value.replace(/[^0-9]/g, ""));
      await done(`Le courriel a été versé sur la demande n° ${data.request}.`);
    } catch (error) {
      showErrors(form, errors, error);
    }
  });
  return form;
}

function line(mail) {
  const subject = mail.subject || "(sans objet)";
  const file = el("button", { class: "bouton", type: "button" }, "Classer",
    el("span", { class: "visuellement-cache" }, ` le courriel « ${subject} »`));
  file.addEventListener("click", async () => {
    try {
      await api.fileMailAway(mail.id);
      await done(`Le courriel « ${subject} » est classé.`);
    } catch (error) {
      showErrors(document.querySelector("main"), summary, error);
    }
  });
  return el("li", { "data-courriel": mail.id },
    el("h2", {}, subject),
    el("p", { class: "qui" }, "Reçu le ", el("time", { datetime: mail.receivedAt }, dateTime(mail.receivedAt)),
      ", de ", mail.sender || "(expéditeur inconnu)"),
    el("p", { class: "raison" }, el("strong", {}, "Raison : "), mail.reasonLabel,
      mail.request ? ` (demande n° ${mail.request})` : ""),
    mail.excerpt ? el("blockquote", { class: "extrait" }, mail.excerpt) : el("p", {}, "(courriel sans texte)"),
    fullText(mail),
    el("div", { class: "actions" }, ignored ? null : attachForm(mail), file));
}

async function done(message) {
  await load(false);
  success.textContent = message;
  success.focus();
}

async function load(focus) {
  summary.replaceChildren();
  success.textContent = "";
  try {
    const { data } = await (ignored ? api.ignoredMail(page, SIZE) : api.unattachedMail(page, SIZE));
    if (!data.items.length && data.total > 0 && page > 1) {
      page = Math.ceil(data.total / data.size);
      await load(focus);
      return;
    }
    const first = data.total === 0 ? 0 : (data.page - 1) * data.size + 1;
    const last = Math.min(data.total, data.page * data.size);
    position.textContent = data.total === 0
      ? (ignored ? "Aucun courriel ignoré à examiner." : "Aucun courriel en attente : tout est rattaché ou classé.")
      : `${first} – ${last} sur ${data.total}`;
    list.replaceChildren(...data.items.map(line));
    previous.disabled = data.page <= 1;
    next.disabled = last >= data.total;
    const wanted = new URL(window.location.href);
    wanted.searchParams.set("page", String(page));
    window.history.replaceState(null, "", wanted);
    if (focus) position.focus();
  } catch (error) {
    list.replaceChildren();
    showErrors(document.querySelector("main"), summary, error);
  }
}

previous.addEventListener("click", () => {
  page = Math.max(1, page - 1);
  load(true);
});

next.addEventListener("click", () => {
  page += 1;
  load(true);
});

document.getElementById(ignored ? "onglet-ignores" : "onglet-non-rattaches").setAttribute("aria-current", "page");
const person = await frame("courrier");
if (!isStaff(person)) {
  window.location.replace("/");
} else {
  await load(false);
}
