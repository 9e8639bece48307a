import { api } from "./api.js";
import { schoolText } from "./lines.js";
import { checkedFiles, fileInput, fileList, filesOf, FILE_HELP } from "./fichiers.js";
import {
  frame, el, fillMembers, isStaff, statusLabel, dateTime, listedName, showErrors, clearErrors,
} from "./layout.js";

const container = document.getElementById("demande");
const summary = document.getElementById("resume-erreurs");
const success = document.getElementById("message-succes");
const number = new URLSearchParams(window.location.search).get("numero");

const EVENTS = {
  FILED: "Demande déposée",
  STATUS_CHANGED: "Changement d'état",
  REOPENED: "Rouverte",
  REDIRECTED: "Redirection",
  ASSIGNED: "Attribution",
  TAKEN: "Prise en charge",
  ANSWERED: "Réponse de l'assistance",
  NOTE_ADDED: "Note interne",
  FOLLOWED_UP: "Complément du demandeur",
  ATTACHMENT_ADDED: "Pièce jointe",
  LINKED: "Rattachée à un incident",
  UNLINKED: "Détachée de l'incident",
  REMINDED: "Relance du demandeur",
};

const HISTORY_COLUMNS = ["Date", "Par", "Événement", "Détail"];

let person;
let etag;
/** The files the request shows, counted against its limits before an upload starts. */
let attached = [];
/** The support groups with their members, for the redirection form (staff only). */
let groups = [];
/** The canned answers of the request's group, each filled for this request (staff only). */
let canned = [];
/** The requester's answer to the satisfaction survey (staff only), null when none. */
let satisfaction = null;

function field(id, label, control, help) {
  control.setAttribute("aria-describedby", `erreur-${id}`);
  return el("div", { class: "champ" },
    el("label", { for: id }, label, help ? el("span", { class: "aide" }, help) : null),
    control,
    el("p", { class: "erreur-champ", id: `erreur-${id}` }));
}

/** Files to send with a message, checked against the request's limits before the upload starts. */
function filesField(id) {
  return field(id, "Joindre des fichiers", fileInput(id), FILE_HELP);
}

function textarea(id, name) {
  return el("textarea", { id, name, "data-champ": name });
}

/** What the person typed or chose in the action forms, to put back after the request is reloaded. */
function typed() {
  return [...container.querySelectorAll("form textarea, form input[type=text], form select")]
    .map((n) => [n.id, n.value]);
}

function retype(values) {
  for (const [id, value] of values) {
    const node = document.getElementById(id);
    if (node) {
      node.value = value;
      if (node.tagName === "SELECT") node.dispatchEvent(new Event("change"));
    }
  }
}

/** An action of the page; its errors show in the form itself, not at the top of a long page. */
function actionForm(id, title, controls, button, done, submit) {
  const errors = el("div", { id: `${id}-erreurs`, class: "alerte erreur", role: "alert", tabindex: "-1" });
  const form = el("form", { id, novalidate: true, "aria-labelledby": `${id}-titre` },
    el("h3", { id: `${id}-titre` }, title), errors, ...controls,
    el("div", { class: "actions" }, el("button", { class: "bouton", type: "submit" }, button)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, errors);
    success.textContent = "";
    try {
      if ((await submit(form)) === false) return;
      await load(done);
      success.focus();
    } catch (error) {
      if (error.status === 412) {
        const values = typed();
        await load();
        retype(values);
        error.message = "La demande a été modifiée entre-temps : elle a été rechargée, votre saisie est conservée.";
        const reloaded = document.getElementById(id);
        showErrors(reloaded, reloaded.querySelector(".alerte.erreur"), error);
      } else {
        showErrors(form, errors, error);
      }
    }
  });
  return form;
}

function statusSelect(moves) {
  const select = el("select", { id: "nouvel-etat", name: "status", "data-champ": "status" });
  for (const move of moves) select.append(el("option", { value: move }, statusLabel(move)));
  return select;
}

/** The groups by label; the request's own is chosen. */
function groupSelect(request) {
  const select = el("select", { id: "groupe", name: "group", "data-champ": "group" });
  for (const group of groups) {
    select.append(el("option", { value: group.code, selected: group.code === request.assignedGroup }, group.label));
  }
  return select;
}

/** The members of the chosen group by name, after a first choice that leaves the choice to the subject's routing. */
function fillAssignees(select, groupCode) {
  fillMembers(select, groups, groupCode, "Aucune en particulier");
}

/** Staff of the request's group may take it, unless it is theirs already or finished. */
function canTake(request) {
  return person.groups.includes(request.assignedGroup) && request.assignee !== person.identifier
    && !["RESOLVED", "CLOSED"].includes(request.status);
}

/** Puts the chosen canned answer, filled for this request, at the cursor of the answer, where it can be edited. */
function insertCanned(select, text, status) {
  const answer = canned.find((a) => a.id === select.value);
  if (!answer) return;
  text.setRangeText(answer.filled, text.selectionStart, text.selectionEnd, "end");
  select.value = "";
  status.textContent = `Réponse type « ${answer.title} » insérée : vous pouvez la modifier avant l'envoi.`;
  text.focus();
}

/** The public answer: a canned answer may start it; it is sent once a confirmation has named who will be mailed. */
function answerForm(request) {
  const recipient = request.requester.displayName;
  const text = textarea("reponse", "body");
  const controls = [];
  if (canned.length) {
    const status = el("p", { class: "aide", id: "reponse-type-statut", role: "status" });
    const select = el("select", { id: "reponse-type" }, el("option", { value: "" }, "Aucune (texte libre)"),
      canned.map((a) => el("option", { value: a.id }, a.title)));
    select.addEventListener("change", () => insertCanned(select, text, status));
    controls.push(field("reponse-type", "Réponse type", select, "Insérée dans la réponse, modifiable avant l'envoi"),
      status);
  }
  controls.push(el("p", { class: "aide" }, el("a", {
    href: `/reponses-types.html?groupe=${encodeURIComponent(request.assignedGroup)}`,
  }, "Gérer les réponses types du groupe")));
  controls.push(field("reponse", "Réponse", text, "Visible par le demandeur, qui la reçoit par courriel"));
  controls.push(filesField("fichiers-reponse"));
  const confirm = el("button", { class: "bouton", type: "submit", id: "confirmer-reponse" }, "Confirmer l'envoi");
  const back = el("button", { class: "bouton secondaire", type: "button", id: "modifier-reponse" },
    "Modifier la réponse");
  const confirmation = el("div", {
    class: "confirmation", id: "confirmation-reponse", role: "group", "aria-labelledby": "confirmation-texte",
    hidden: true,
  }, el("p", { id: "confirmation-texte" }, `${recipient} recevra cette réponse par courriel.`),
  el("div", { class: "actions" }, confirm, back));
  controls.push(confirmation);
  const form = actionForm("repondre", "Répondre au demandeur", controls, "Répondre au demandeur",
    `Votre réponse a été envoyée à ${recipient}.`, (f) => {
      const files = checkedFiles(f.file, attached);
      if (confirmation.hidden && f.body.value.trim()) {
        confirmation.hidden = false;
        form.querySelector(":scope > .actions").hidden = true;
        confirm.focus();
        return false;
      }
      return api.post(number, f.body.value, false, etag, files);
    });
  back.addEventListener("click", () => {
    confirmation.hidden = true;
    form.querySelector(":scope > .actions").hidden = false;
    text.focus();
  });
  return form;
}

/** An internal note, marked as such: it is never mailed nor shown to the requester. */
function noteForm() {
  const form = actionForm("noter", "Ajouter une note interne", [
    el("p", { class: "mention-interne" }, "Interne — jamais envoyée au demandeur"),
    field("note", "Note", textarea("note", "body")),
    filesField("fichiers-note"),
  ], "Ajouter une note interne", "Votre note interne a été ajoutée.",
  (f) => api.post(number, f.body.value, true, etag, checkedFiles(f.file, attached)));
  form.classList.add("note-interne");
  return form;
}

function actions(request) {
  const forms = [];
  const mine = request.requester.identifier === person.identifier;
  if (isStaff(person)) {
    if (canTake(request)) {
      forms.push(actionForm("prendre", "Prendre en charge", [
        el("p", {}, request.assigneeName ? `Actuellement attribuée à ${request.assigneeName}.`
          : "Personne ne s'en occupe encore."),
      ], "Prendre en charge", "Vous avez pris la demande en charge.", () => api.take(number, etag)));
    }
    if (request.status !== "CLOSED") {
      forms.push(answerForm(request), noteForm());
    }
    const moves = request.allowedStatuses;
    if (moves.length) {
      forms.push(actionForm("changer-etat", "Changer l'état", [
        field("nouvel-etat", "Nouvel état", statusSelect(moves)),
        field("commentaire-etat", "Commentaire", textarea("commentaire-etat", "comment"),
          request.children.length
            ? `Visible par le demandeur ; à la résolution, envoyé aussi aux demandeurs des ${request.children.length}`
              + " demandes rattachées, résolues avec elle"
            : "Visible par le demandeur ; obligatoire pour rouvrir une demande résolue"),
      ], "Changer l'état", "L'état de la demande a été changé.",
      (f) => api.status(number, f.status.value, f.comment.value, etag)));
    }
    forms.push(...incidentForms(request));
    if (!["RESOLVED", "CLOSED"].includes(request.status)) {
      const group = groupSelect(request);
      const assignee = el("select", { id: "assigne", name: "assignee", "data-champ": "assignee" });
      fillAssignees(assignee, group.value);
      group.addEventListener("change", () => fillAssignees(assignee, group.value));
      forms.push(actionForm("rediriger", "Rediriger", [
        field("groupe", "Groupe de support", group),
        field("assigne", "Personne (facultatif)", assignee,
          "Sans choix, la demande attend dans la file du groupe ou va au membre le moins chargé, selon son sujet"),
        field("commentaire-redirection", "Commentaire", textarea("commentaire-redirection", "comment"),
          "Note interne pour la personne qui reprend la demande"),
      ], "Rediriger", "La demande a été redirigée.",
      (f) => api.redirect(number, f.group.value, f.assignee.value, f.comment.value, etag)));
    }
  } else if (mine) {
    if (request.status !== "CLOSED") {
      forms.push(actionForm("completer", "Compléter ma demande", [
        field("complement", "Message", textarea("complement", "body")),
        filesField("fichiers-complement"),
      ], "Envoyer", "Votre message a été envoyé à l'assistance.",
      (f) => api.post(number, f.body.value, false, etag, checkedFiles(f.file, attached))));
    }
    if (request.status === "RESOLVED" && request.allowedStatuses.includes("IN_PROGRESS")) {
      forms.push(actionForm("rouvrir", "Rouvrir la demande", [
        field("motif", "Pourquoi la rouvrir ? (obligatoire)", textarea("motif", "comment"),
          "Ce motif est transmis à la personne qui a traité la demande"),
      ], "Rouvrir la demande", "Votre demande a été rouverte.",
      (f) => api.status(number, "IN_PROGRESS", f.comment.value, etag)));
    }
  }
  return forms.length ? el("section", { "aria-labelledby": "titre-actions" },
    el("h2", { id: "titre-actions" }, "Actions"), el("div", { class: "colonnes" }, forms)) : null;
}

/** Staff make an open request follow an incident, or detach it from the one it follows. */
function incidentForms(request) {
  const forms = [];
  if (!["RESOLVED", "CLOSED"].includes(request.status) && !request.children.length) {
    forms.push(actionForm("rattacher", "Rattacher à un incident", [
      field("incident", "Numéro de la demande incident",
        el("input", { id: "incident", name: "parent", "data-champ": "parent", inputmode: "numeric" }),
        "Quand l'incident sera résolu, cette demande le sera aussi, avec la même réponse"),
    ], "Rattacher", "La demande a été rattachée à l'incident.", (f) => api.link(number, f.parent.value, etag)));
  }
  if (request.parent) {
    forms.push(actionForm("detacher", "Détacher de l'incident", [
      el("p", {}, `Cette demande suit l'incident n° ${request.parent}.`),
    ], "Détacher", "La demande a été détachée de l'incident.", () => api.unlink(number, etag)));
  }
  return forms;
}

function requestLink(other) {
  return el("a", { href: `/suivi.html?numero=${encodeURIComponent(other)}` }, `n° ${other}`);
}

/** What a history entry changed, by name: statuses as on the rest of the page, groups and people by their names. */
function detail(h) {
  if (h.event === "STATUS_CHANGED" || h.event === "REOPENED") {
    return [h.from, h.to].map((s) => statusLabel(s, !isStaff(person))).join(" → ");
  }
  if (h.event === "TAKEN") return h.fromLabel ? `à la place de ${h.fromLabel}` : "";
  if (h.event === "LINKED") return `incident n° ${h.to}`;
  if (h.event === "UNLINKED") return `incident n° ${h.from}`;
  return [h.fromLabel, h.toLabel].filter(Boolean).join(" → ");
}

/** The service level of a request in words: by when it is due, and whether a target was missed. */
function dueText(due) {
  const parts = [];
  if (due.firstAnswerBy) parts.push(`première réponse avant le ${dateTime(due.firstAnswerBy)}`);
  if (due.resolutionBy) parts.push(`résolution avant le ${dateTime(due.resolutionBy)}`);
  const text = parts.join(" ; ");
  return (text.charAt(0).toUpperCase() + text.slice(1)) + (due.breached ? " — objectif dépassé" : "");
}

/** The requester's answer to the satisfaction survey, for staff. */
function satisfactionText(answer) {
  if (!answer) return "Pas de réponse à l'enquête de satisfaction.";
  return `${answer.score} sur 5, le ${dateTime(answer.answeredAt)}` + (answer.comment ? ` — « ${answer.comment} »` : "");
}

/** The survey's answer for staff, or null when nobody answered it. */
async function loadSatisfaction(request) {
  try {
    satisfaction = (await api.satisfaction(request.number)).data;
  } catch (error) {
    satisfaction = null;
  }
}

function render(request) {
  document.title = `Demande ${request.number} — Guichet`;
  const facts = [
    ["Numéro", request.number],
    ["État", statusLabel(request.status, !isStaff(person))],
    ["Sujet", request.subject.display],
    ["Type de demande", request.type.label],
    ["Déposée le", dateTime(request.submittedAt)],
    ["Par", listedName(request.requester)],
    ["Établissement", schoolText(request) || "—"],
    ["Visibilité", request.visibility === "PUBLIC" ? "Publique" : "Privée"],
    ["Groupe", request.assignedGroupLabel],
    ["Attribuée à", request.assigneeName || "—"],
  ];
  if (request.parent) facts.push(["Incident suivi", requestLink(request.parent)]);
  if (request.due) facts.push(["Échéances", dueText(request.due)]);
  if (isStaff(person)) facts.push(["Satisfaction du demandeur", satisfactionText(satisfaction)]);
  const messages = request.messages.map((m) => el("li", { class: m.internal ? "interne" : null },
    el("p", { class: "entete" }, `${m.author.displayName} — ${dateTime(m.at)}${m.internal ? " — note interne" : ""}`),
    el("p", { class: "corps" }, m.body),
    fileList(request.number, m.attachments, "Fichiers joints au message")));
  attached = filesOf(request);
  const attachments = fileList(request.number, request.attachments, "Pièces jointes de la demande");
  const history = request.history.map((h) => el("tr", {},
    [dateTime(h.at), h.byName, EVENTS[h.event] || h.event, detail(h)]
      .map((text, i) => el("td", { "data-colonne": HISTORY_COLUMNS[i] }, text))));
  container.replaceChildren(
    el("h1", {}, `Demande ${request.number} : `, request.summary),
    el("dl", { class: "fiche" }, facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("h2", {}, "Description"),
    el("p", { class: "description" }, request.description),
    el("h2", {}, "Pièces jointes"),
    attachments || el("p", {}, "Aucune pièce jointe."),
    el("h2", {}, "Échanges"),
    messages.length ? el("ul", { class: "fil" }, messages) : el("p", {}, "Pas encore de réponse."),
    actions(request) || "",
    request.children.length ? el("section", { "aria-labelledby": "titre-rattachees" },
      el("h2", { id: "titre-rattachees" }, `Demandes rattachées à cet incident (${request.children.length})`),
      el("ul", { id: "demandes-rattachees" }, request.children.map((c) => el("li", {}, requestLink(c))))) : "",
    el("h2", { id: "titre-historique" }, "Historique"),
    el("table", { class: "historique", "aria-labelledby": "titre-historique" },
      el("thead", {}, el("tr", {}, HISTORY_COLUMNS.map((t) => el("th", { scope: "col" }, t)))),
      el("tbody", {}, history)));
}

async function loadCanned(request) {
  try {
    canned = (await api.cannedAnswers(request.assignedGroup, request.number)).data;
  } catch (error) {
    canned = [];
  }
}

async function load(message) {
  try {
    const { data, response } = await api.get(number);
    etag = response.headers.get("ETag");
    if (isStaff(person)) await Promise.all([loadCanned(data), loadSatisfaction(data)]);
    render(data);
    if (message) success.textContent = message;
  } catch (error) {
    container.replaceChildren(el("h1", {}, "Demande introuvable"));
    summary.className = "alerte erreur";
    summary.replaceChildren(el("p", {}, error.message));
  }
}

person = await frame("demandes");
if (isStaff(person)) {
  try {
    groups = (await api.groups()).data;
  } catch (error) {
    groups = [];
  }
}
await load();
