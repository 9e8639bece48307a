import { api } from "./api.js";
import { frame, el, isStaff, statusLabel, showErrors, clearErrors } from "./layout.js";
import { requestLine, pagination } from "./lines.js";

const form = document.getElementById("filtres");
const list = document.getElementById("liste");
const nav = document.getElementById("pagination");
const summary = document.getElementById("resume-erreurs");
const title = document.getElementById("titre-file");

function flatten(nodes, out) {
  for (const node of nodes) {
    out.push(node);
    flatten(node.children, out);
  }
  return out;
}

let currentPage = 1;

/** A line of the queue; a new request, waiting in a group's queue, has a button to take it in one click. */
function queueLine(line) {
  const item = requestLine(line, false);
  if (line.status === "NEW") {
    item.append(el("span", { class: "action" }, el("button", {
      type: "button", class: "bouton secondaire", onclick: () => take(line.number),
    }, "Prendre en charge", el("span", { class: "visuellement-cache" }, ` la demande ${line.number}`))));
  }
  return item;
}

async function take(number) {
  clearErrors(form, summary);
  try {
    await api.take(number);
    await show(currentPage);
    announce(`Vous avez pris en charge la demande ${number}.`);
  } catch (error) {
    showErrors(form, summary, error);
  }
}

function announce(message) {
  const status = document.getElementById("message-succes");
  status.textContent = message;
}

/** The groups by label and their members by name: codes and identifiers are what the filters send. */
async function fillPeopleFilters() {
  const { data } = await api.groups();
  const seen = new Set();
  for (const group of data) {
    form.group.append(el("option", { value: group.code }, group.label));
    const members = group.members.filter((m) => !seen.has(m.identifier));
    members.forEach((m) => seen.add(m.identifier));
    if (members.length) {
      form.assignee.append(el("optgroup", { label: group.label },
        members.map((m) => el("option", { value: m.identifier }, m.displayName))));
    }
  }
}

async function show(page) {
  clearErrors(form, summary);
  announce("");
  const params = { page, size: 20 };
  for (const name of ["scope", "status", "subject", "group", "assignee", "q"]) {
    const value = form[name].value.trim();
    if (value) params[name] = value;
  }
  try {
    const { data } = await api.list(params);
    list.replaceChildren(...data.items.map(queueLine));
    if (data.items.length === 0) list.append(el("li", {}, "Aucune demande ne correspond."));
    title.textContent = `Demandes ${pagination(nav, data, show)}`;
    if (page !== currentPage) title.focus();
    currentPage = page;
  } catch (error) {
    showErrors(form, summary, error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  show(1);
});

const person = await frame("file");
if (!isStaff(person)) {
  window.location.replace("/demandes.html");
} else {
  for (const status of ["NEW", "ASSIGNED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "RESOLVED", "CLOSED"]) {
    form.status.append(el("option", { value: status }, statusLabel(status)));
  }
  try {
    const { data } = await api.subjects();
    for (const subject of flatten(data, [])) form.subject.append(el("option", { value: subject.code }, subject.display));
    await fillPeopleFilters();
  } catch (error) {
    showErrors(form, summary, error);
  }
  show(1);
}
