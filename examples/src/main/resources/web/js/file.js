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

async function show(page) {
  clearErrors(form, summary);
  const params = { page, size: 20 };
  for (const name of ["scope", "status", "subject", "group", "assignee", "q"]) {
    const value = form[name].value.trim();
    if (value) params[name] = value;
  }
  try {
    const { data } = await api.list(params);
    list.replaceChildren(...data.items.map((line) => requestLine(line, false)));
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
  } catch (error) {
    showErrors(form, summary, error);
  }
  show(1);
}
