import { api, serverNow } from "./api.js";
import {
  frame, el, fillMembers, isStaff, statusLabel, showErrors, clearErrors, listedName, dateTime,
} from "./layout.js";
import { pagination, countText, schoolText } from "./lines.js";

const form = document.getElementById("filtres");
const list = document.getElementById("liste");
const nav = document.getElementById("pagination");
const summary = document.getElementById("resume-erreurs");
const title = document.getElementById("titre-file");
const viewList = document.getElementById("vues");
const byStatus = document.getElementById("par-etat");

const STATUSES = ["NEW", "ASSIGNED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "RESOLVED", "CLOSED"];
const OPEN = ["NEW", "ASSIGNED", "IN_PROGRESS", "WAITING_FOR_REQUESTER"];
const NOT_CLOSED = [...OPEN, "RESOLVED"];
const FILTERS = ["scope", "status", "subject", "group", "assignee", "department", "establishment", "q"];
const SORTS = ["-submittedAt", "submittedAt", "-updatedAt", "due"];

/**
 * The saved views: the list's parameters and the figure of GET /requests/counts?scope=queue that counts them, with
 * whether it is exact; the API counts unassigned, mine and reopened among open requests, awaitingStaff among those not
 * closed (a requester may still write on a resolved one), as the views list them.
 */
const VIEWS = [
  { key: "a-prendre", label: "À prendre", params: [["unassigned", "true"], ...OPEN.map((s) => ["status", s])],
    count: (c) => [c.unassigned, c.exact.unassigned], empty: "Aucune demande à prendre : toutes ont quelqu'un pour s'en occuper." },
  { key: "mes-demandes", label: "Mes demandes en cours",
    params: [["assignee", "me"], ...OPEN.map((s) => ["status", s])],
    count: (c) => [c.mine, c.exact.mine], empty: "Vous n'avez aucune demande en cours." },
  { key: "reponse-demandeur", label: "Réponse du demandeur",
    params: [["awaitingStaff", "true"], ...NOT_CLOSED.map((s) => ["status", s])],
    count: (c) => [c.awaitingStaff, c.exact.awaitingStaff], empty: "Aucune demande n'attend de réponse de l'assistance." },
  { key: "attente-demandeur", label: "En attente du demandeur", params: [["status", "WAITING_FOR_REQUESTER"]],
    count: (c) => [c.byStatus.WAITING_FOR_REQUESTER, c.exact.byStatus.WAITING_FOR_REQUESTER], empty: "Aucune demande n'attend son demandeur." },
  { key: "rouvertes", label: "Rouvertes", params: [["reopened", "true"], ...OPEN.map((s) => ["status", s])],
    count: (c) => [c.reopened, c.exact.reopened], empty: "Aucune demande rouverte n'est en cours." },
];

function flatten(nodes, out) {
  for (const node of nodes) {
    out.push(node);
    flatten(node.children, out);
  }
  return out;
}

/** What the page shows, read from its address: view, filters, sort and page. */
function stateFromUrl() {
  const query = new URLSearchParams(window.location.search);
  const view = VIEWS.find((v) => v.key === query.get("vue")) || null;
  const filters = {};
  for (const name of FILTERS) {
    const value = (query.get(name) || "").trim();
    if (value) filters[name] = value;
  }
  const sort = SORTS.includes(query.get("sort")) ? query.get("sort") : SORTS[0];
  const page = Math.max(1, Number.parseInt(query.get("page"), 10) || 1);
  return { view: view && view.key, filters, sort, page };
}

function urlOf(state) {
  const query = new URLSearchParams();
  if (state.view) query.set("vue", state.view);
  for (const [name, value] of Object.entries(state.filters)) query.set(name, value);
  if (state.sort !== SORTS[0]) query.set("sort", state.sort);
  if (state.page > 1) query.set("page", String(state.page));
  const search = query.toString();
  return window.location.pathname + (search ? `?${search}` : "");
}

let state = stateFromUrl();

/** Moves to another list and remembers it in the address, so that a reload, a shared link and "back" show it. */
function go(next) {
  state = next;
  window.history.pushState(null, "", urlOf(state));
  show(true);
}

/** "il y a 3 h", "il y a 2 j", by the server's clock. */
function age(iso) {
  const minutes = Math.max(0, Math.floor((serverNow().getTime() - new Date(iso).getTime()) / 60000));
  if (minutes < 1) return "à l'instant";
  if (minutes < 60) return `il y a ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `il y a ${hours} h`;
  return `il y a ${Math.floor(hours / 24)} j`;
}

function when(iso) {
  return el("time", { datetime: iso, title: dateTime(iso) }, age(iso));
}

/** True when the requester spoke after filing and nobody of the staff has acted since. */
function requesterSpokeLast(line) {
  const last = line.lastActivity;
  return Boolean(line.awaitingStaff && last && !last.staff
    && new Date(last.at).getTime() > new Date(line.submittedAt).getTime());
}

/** A line of the worklist; a request nobody has, still open, has a button to take it in one click. */
function queueLine(line) {
  const last = line.lastActivity;
  const item = el("li", {},
    el("span", { class: "numero" }, el("input", {
      type: "checkbox", class: "cocher", value: line.number, "aria-label": `Cocher la demande ${line.number}`,
      onchange: countChecked,
    }), " ", el("a", { href: `/suivi.html?numero=${encodeURIComponent(line.number)}` }, line.number)),
    el("span", {}, el("strong", {}, line.summary), el("span", { class: "statut" }, statusLabel(line.status)),
      line.late ? el("span", { class: "marqueur" }, "En retard") : null),
    el("span", { class: "details" }, [line.subject.display, `par ${listedName(line.requester)}`, schoolText(line)]
      .filter(Boolean).join(" - ")),
    el("span", { class: "details" },
      line.assignee ? `Attribuée à ${line.assignee.displayName}` : el("span", { class: "non-attribuee" }, "Non attribuée"),
      " - Déposée ", when(line.submittedAt)),
    last ? el("span", { class: "details" }, `Dernière activité : ${last.by.displayName}, `, when(last.at),
      requesterSpokeLast(line) ? el("span", { class: "marqueur" }, "Réponse du demandeur") : null,
      line.reopened && OPEN.includes(line.status) ? el("span", { class: "marqueur" }, "Rouverte") : null) : null);
  if (!line.assignee && OPEN.includes(line.status)) {
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
    await show(false);
    announce(`Vous avez pris en charge la demande ${number}.`);
  } catch (error) {
    showErrors(form, summary, error);
  }
}

function announce(message) {
  const status = document.getElementById("message-succes");
  status.textContent = message;
}

const bulk = document.getElementById("groupe-actions");
const bulkErrors = document.getElementById("groupe-erreurs");
const bulkResults = document.getElementById("resultats-groupe");
/** The fields each bulk action needs besides the checked requests. */
const BULK_FIELDS = { take: [], status: ["etat", "commentaire"], assign: ["groupe", "assigne", "commentaire"] };
let groups = [];

function checkedNumbers() {
  return [...list.querySelectorAll("input.cocher:checked")].map((box) => box.value);
}

function countChecked() {
  const count = checkedNumbers().length;
  document.getElementById("nombre-cochees").textContent =
    count === 0 ? "(aucune)" : count === 1 ? "(1 demande)" : `(${count} demandes)`;
  bulk.querySelector("#appliquer-groupe").disabled = count === 0;
  const boxes = list.querySelectorAll("input.cocher");
  document.getElementById("tout-cocher").checked = boxes.length > 0 && count === boxes.length;
}

function showBulkFields() {
  const needed = BULK_FIELDS[bulk.action.value];
  for (const name of ["etat", "groupe", "assigne", "commentaire"]) {
    document.getElementById(`champ-${name}-groupe`).hidden = !needed.includes(name);
  }
}

function fillBulkAssignees() {
  fillMembers(bulk.assignee, groups, bulk.group.value, "Selon le sujet (file du groupe ou moins chargé)");
}

/** What each checked request became, by number, in words. */
function showBulkResults(results) {
  const done = results.filter((r) => r.status === 200).length;
  bulkResults.replaceChildren(
    el("p", {}, `${done} demande${done > 1 ? "s" : ""} sur ${results.length} modifiée${done > 1 ? "s" : ""}.`),
    el("ul", {}, results.map((r) => el("li", {}, r.status === 200 ? `Demande ${r.number} : faite.`
      : `Demande ${r.number} : non modifiée. ${r.detail}`))));
}

bulk.action.addEventListener("change", showBulkFields);
bulk.group.addEventListener("change", fillBulkAssignees);
document.getElementById("tout-cocher").addEventListener("change", (event) => {
  for (const box of list.querySelectorAll("input.cocher")) box.checked = event.target.checked;
  countChecked();
});
bulk.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(bulk, bulkErrors);
  bulkResults.replaceChildren();
  const needed = BULK_FIELDS[bulk.action.value];
  const fields = {};
  if (needed.includes("etat")) fields.status = bulk.status.value;
  if (needed.includes("groupe")) fields.group = bulk.group.value;
  if (needed.includes("assigne") && bulk.assignee.value) fields.assignee = bulk.assignee.value;
  if (needed.includes("commentaire") && bulk.comment.value.trim()) fields.comment = bulk.comment.value;
  try {
    const { data } = await api.bulk(checkedNumbers(), bulk.action.value, fields);
    await show(false);
    showBulkResults(data.results);
  } catch (error) {
    showErrors(bulk, bulkErrors, error);
  }
});

/** The groups by label and their members by name: codes and identifiers are what the filters send. */
async function fillPeopleFilters() {
  const { data } = await api.groups();
  groups = data;
  bulk.group.replaceChildren(...data.map((g) => el("option", { value: g.code }, g.label)));
  fillBulkAssignees();
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

/** The saved views with their counts, the current one marked, and the counts per status of the queue. */
async function showViews() {
  const { data: counts } = await api.counts(new URLSearchParams([["scope", "queue"]]));
  viewList.replaceChildren(...VIEWS.map((view) => el("li", {}, el("a", {
    href: urlOf({ view: view.key, filters: {}, sort: state.sort, page: 1 }),
    "aria-current": state.view === view.key ? "true" : null,
    onclick: (event) => {
      event.preventDefault();
      go({ view: view.key, filters: {}, sort: state.sort, page: 1 });
    },
  }, view.label, " ", el("span", { class: "compte" }, `(${countText(...view.count(counts))})`)))));
  byStatus.replaceChildren("Par état : ",
    STATUSES.map((s) => `${statusLabel(s)} ${countText(counts.byStatus[s], counts.exact.byStatus[s])}`).join(", "),
    ".");
}

const school = document.getElementById("filtre-etablissement");
const schools = document.getElementById("etablissements-proposes");
const UAI = /\b([0-9]{7}[A-Za-z])\b/;
let schoolLookup = null;

/** Proposes the establishments of the directory whose name, commune or UAI hold what was typed. */
school.addEventListener("input", () => {
  clearTimeout(schoolLookup);
  const typed = school.value.trim();
  if (typed.length < 2 || UAI.test(typed)) return;
  schoolLookup = setTimeout(async () => {
    try {
      const found = (await api.establishments(typed)).data;
      schools.replaceChildren(...found.map((e) => el("option",
        { value: `${e.name}${e.commune ? ` — ${e.commune}` : ""} (${e.uai})` })));
    } catch (error) {
      schools.replaceChildren();
    }
  }, 250);
});

/** Shows the establishment of the list by its name, read from the directory (its UAI alone when unknown there). */
async function showSchool(uai) {
  if (!uai) {
    school.value = "";
    return;
  }
  if (school.value.includes(uai)) return;
  school.value = uai;
  try {
    const known = (await api.establishments(uai)).data.find((e) => e.uai === uai.toUpperCase());
    if (known) school.value = `${known.name}${known.commune ? ` — ${known.commune}` : ""} (${known.uai})`;
  } catch (error) {
    school.value = uai;
  }
}

/** Puts the state in the form, so that what it shows is what the list holds. */
function fillForm() {
  for (const name of FILTERS) form[name].value = state.filters[name] || "";
  showSchool(state.filters.establishment);
  if (!form.scope.value) form.scope.value = "queue";
  form.sort.value = state.sort;
}

/** How many lists were asked for: a list's answer is shown only if no list was asked for after it. */
let asked = 0;

async function show(moved) {
  const mine = ++asked;
  clearErrors(form, summary);
  announce("");
  fillForm();
  const view = VIEWS.find((v) => v.key === state.view);
  const params = new URLSearchParams([["page", String(state.page)], ["size", "20"], ["sort", state.sort]]);
  if (view) {
    params.set("scope", "queue");
    for (const [name, value] of view.params) params.append(name, value);
  } else {
    for (const [name, value] of Object.entries(state.filters)) params.set(name, value);
  }
  const exported = new URLSearchParams(params);
  exported.delete("page");
  exported.delete("size");
  document.getElementById("exporter").href = `/api/v1/requests.csv?${exported}`;
  try {
    const [{ data }] = await Promise.all([api.list(params), showViews()]);
    if (mine !== asked) return;
    list.replaceChildren(...data.items.map(queueLine));
    countChecked();
    if (data.items.length === 0) {
      list.append(el("li", {}, view ? view.empty : "Aucune demande ne correspond."));
    }
    const heading = view ? view.label : "Demandes";
    title.textContent = `${heading} ${pagination(nav, data, (page) => go({ ...state, page }))}`;
    if (moved) title.focus();
  } catch (error) {
    if (mine === asked) showErrors(form, summary, error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const typed = school.value.trim();
  const uai = typed.match(UAI);
  if (typed && !uai) {
    showErrors(form, summary, { message: "Choisissez un établissement parmi ceux proposés.",
      fields: { establishment: "Choisissez un établissement parmi ceux proposés, ou saisissez son code UAI." } });
    return;
  }
  form.establishment.value = uai ? uai[1].toUpperCase() : "";
  const filters = {};
  for (const name of FILTERS) {
    const value = form[name].value.trim();
    if (value) filters[name] = value;
  }
  go({ view: null, filters, sort: form.sort.value, page: 1 });
});

form.sort.addEventListener("change", () => go({ ...state, sort: form.sort.value, page: 1 }));

window.addEventListener("popstate", () => {
  state = stateFromUrl();
  show(true);
});

const person = await frame("file");
if (!isStaff(person)) {
  window.location.replace("/demandes.html");
} else {
  for (const status of STATUSES) {
    form.status.append(el("option", { value: status }, statusLabel(status)));
  }
  for (const status of ["IN_PROGRESS", "WAITING_FOR_REQUESTER", "RESOLVED", "CLOSED"]) {
    bulk.status.append(el("option", { value: status }, statusLabel(status)));
  }
  try {
    const [{ data }, departments] = await Promise.all([api.subjects(), api.departments()]);
    for (const subject of flatten(data, [])) form.subject.append(el("option", { value: subject.code }, subject.display));
    for (const d of departments.data) form.department.append(el("option", { value: d.code }, d.label));
    await fillPeopleFilters();
  } catch (error) {
    showErrors(form, summary, error);
  }
  show(false);
}
