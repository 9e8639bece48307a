import { api } from "./api.js";
import { adminFrame, el, showErrors, clearErrors } from "./layout.js";

const ROLES = [["REQUESTER", "Demandeur"], ["AGENT", "Agent"], ["SPECIALIST", "Spécialiste"],
  ["ADMIN", "Administrateur"]];
const OUTCOMES = { CREATED: "Créée", UPDATED: "Mise à jour", UNCHANGED: "Inchangée", REFUSED: "Refusée" };
const FIELDS = { identifier: "Identifiant", email: "Adresse électronique", givenName: "Prénom", familyName: "Nom",
  establishment: "Établissement", roles: "Rôles", groups: "Groupes", file: "Fichier" };
const PAGE_SIZE = 20;

const success = document.getElementById("message-succes");
const summary = document.getElementById("resume-erreurs");
const search = document.getElementById("recherche");
const rows = document.getElementById("lignes");
const caption = document.getElementById("titre-liste");
const position = document.getElementById("position");
const previous = document.getElementById("precedente");
const next = document.getElementById("suivante");
const form = document.getElementById("fiche");
const formTitle = document.getElementById("titre-fiche");
const formHelp = document.getElementById("fiche-aide");
const formErrors = document.getElementById("fiche-erreurs");
const save = document.getElementById("enregistrer");
const activation = document.getElementById("activation");
const exporter = document.getElementById("exporter");
const confirmation = document.getElementById("confirmation");
const question = document.getElementById("question");
const importForm = document.getElementById("import");
const importErrors = document.getElementById("import-erreurs");
const report = document.getElementById("rapport");

let groups = [];
let page = 1;
let words = "";
/** The person being changed with the ETag it was read with, or null while the form creates one. */
let editing = null;

const roleLabel = (code) => (ROLES.find(([c]) => c === code) || [code, "Rôle inconnu"])[1];
const groupLabel = (code) => (groups.find((g) => g.code === code) || { label: "Groupe inconnu de l'annuaire" }).label;

function checkboxes(container, name, choices) {
  container.replaceChildren(...choices.map(([value, label], i) => el("div", { class: "choix" },
    el("input", { type: "checkbox", id: `${name}-${i}`, name, value }),
    el("label", { for: `${name}-${i}` }, label))));
}

function checked(name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
}

function render(data) {
  rows.replaceChildren(...data.items.map((p) => el("tr", {},
    el("th", { scope: "row" }, `${p.familyName} ${p.givenName}`),
    el("td", {}, p.identifier),
    el("td", {}, p.email),
    el("td", {}, p.establishment || "—"),
    el("td", {}, p.roles.map(roleLabel).join(", ")),
    el("td", {}, p.groups.map(groupLabel).join(", ") || "—"),
    el("td", {}, p.active ? "Active" : "Désactivée"),
    el("td", {}, el("button", {
      class: "bouton secondaire", type: "button", "aria-label": `Modifier ${p.givenName} ${p.familyName}`,
      onclick: () => edit(p.identifier),
    }, "Modifier")))));
  if (!data.items.length) {
    rows.append(el("tr", {}, el("td", { colspan: "8" }, "Aucune personne ne correspond à cette recherche.")));
  }
  const first = data.items.length ? (data.page - 1) * data.size + 1 : 0;
  const last = first ? first + data.items.length - 1 : 0;
  caption.textContent = words ? `Personnes trouvées pour « ${words} » : ${data.total}` : `Personnes : ${data.total}`;
  position.textContent = data.total ? `${first} – ${last} sur ${data.total}` : "";
  previous.disabled = data.page <= 1;
  next.disabled = last >= data.total;
}

async function load(message) {
  success.textContent = "";
  clearErrors(search, summary);
  try {
    render((await api.adminPeople({ q: words, page, size: PAGE_SIZE })).data);
    if (message) {
      success.textContent = message;
      success.focus();
    }
  } catch (error) {
    showErrors(search, summary, error);
  }
}

function setReadOnly(readOnly) {
  for (const slot of form.querySelectorAll("[data-raison]")) {
    slot.textContent = readOnly[slot.dataset.raison] || "";
  }
  for (const field of ["givenName", "familyName", "email", "establishment"]) {
    form.elements[field].readOnly = Boolean(readOnly[field]);
  }
  for (const box of form.querySelectorAll('input[type="checkbox"]')) {
    box.disabled = Boolean(readOnly[box.name === "role" ? "roles" : "groups"]);
  }
  activation.disabled = Boolean(readOnly.active);
}

function openForm() {
  form.hidden = false;
  confirmation.hidden = true;
  clearErrors(form, formErrors);
  formTitle.focus();
}

function create() {
  editing = null;
  form.reset();
  form.identifier.readOnly = false;
  setReadOnly({});
  formTitle.textContent = "Créer un compte";
  formHelp.textContent = "La personne recevra un courriel pour choisir son mot de passe.";
  save.textContent = "Créer le compte";
  activation.hidden = true;
  exporter.hidden = true;
  openForm();
}

function fill(person, etag) {
  editing = { person, etag };
  form.reset();
  form.identifier.value = person.identifier;
  form.identifier.readOnly = true;
  form.givenName.value = person.givenName;
  form.familyName.value = person.familyName;
  form.email.value = person.email;
  form.establishment.value = person.establishment || "";
  for (const box of form.querySelectorAll('input[name="role"]')) box.checked = person.roles.includes(box.value);
  for (const box of form.querySelectorAll('input[name="group"]')) box.checked = person.groups.includes(box.value);
  setReadOnly(person.readOnly);
  formTitle.textContent = `Modifier ${person.givenName} ${person.familyName}`
    + (person.active ? "" : " (compte désactivé)");
  formHelp.textContent = "";
  save.textContent = "Enregistrer les modifications";
  activation.hidden = false;
  activation.textContent = person.active ? "Désactiver le compte" : "Réactiver le compte";
  exporter.hidden = false;
  exporter.href = `/api/v1/admin/people/${encodeURIComponent(person.identifier)}/export`;
  exporter.title = `Télécharger, dans un fichier ZIP, les données de ${person.givenName} ${person.familyName} : `
    + "son compte, ses demandes, ses messages et ses fichiers.";
}

async function edit(identifier) {
  try {
    const { data, response } = await api.adminPerson(identifier);
    fill(data, response.headers.get("ETag"));
    openForm();
  } catch (error) {
    showErrors(search, summary, error);
  }
}

/**
 * What the form gives: on a creation every field, on a change only the fields the administrator changed (so that an
 * address the mail domains no longer accept is checked only when it changes).
 */
function changes() {
  const body = {};
  const person = editing ? editing.person : null;
  const readOnly = person ? person.readOnly : {};
  const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  for (const field of ["givenName", "familyName", "email", "establishment"]) {
    const value = form.elements[field].value;
    if (!readOnly[field] && !(person && value === (person[field] || ""))) body[field] = value;
  }
  const roles = checked("role");
  const groups = checked("group");
  if (!readOnly.roles && !(person && same(roles, person.roles))) body.roles = roles;
  if (!readOnly.groups && !(person && same(groups, person.groups))) body.groups = groups;
  return body;
}

async function failed(error) {
  if (error.status === 412) {
    error.message = "Cette personne a été modifiée entre-temps : rechargez-la (bouton « Modifier » de la liste) "
      + "avant de recommencer.";
  }
  showErrors(form, formErrors, error);
}

async function change(body, done) {
  const { data, response } = await api.changePerson(editing.person.identifier, body, editing.etag);
  fill(data, response.headers.get("ETag"));
  await load(done);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  success.textContent = "";
  clearErrors(form, formErrors);
  try {
    if (editing) {
      await change(changes(), `${form.givenName.value} ${form.familyName.value} : modifications enregistrées.`);
    } else {
      const { data, response } = await api.createPerson({ identifier: form.identifier.value, ...changes() });
      fill(data, response.headers.get("ETag"));
      await load(`Le compte de ${data.givenName} ${data.familyName} (${data.identifier}) a été créé : un courriel `
        + "lui permet de choisir son mot de passe.");
    }
  } catch (error) {
    await failed(error);
  }
});

activation.addEventListener("click", () => {
  const person = editing.person;
  question.textContent = person.active
    ? `Désactiver le compte de ${person.givenName} ${person.familyName} ? Ses sessions seront fermées aussitôt et `
      + "ses demandes en cours retourneront, sans personne attribuée, dans la file de leur groupe, qui en sera averti."
    : `Réactiver le compte de ${person.givenName} ${person.familyName} ? La personne pourra de nouveau se connecter.`;
  confirmation.hidden = false;
  document.getElementById("confirmer").focus();
});

document.getElementById("confirmer").addEventListener("click", async () => {
  const person = editing.person;
  confirmation.hidden = true;
  clearErrors(form, formErrors);
  try {
    await change({ active: !person.active }, `Le compte de ${person.givenName} ${person.familyName} a été `
      + (person.active ? "désactivé." : "réactivé."));
  } catch (error) {
    await failed(error);
  }
});

document.getElementById("renoncer").addEventListener("click", () => {
  confirmation.hidden = true;
  activation.focus();
});

document.getElementById("fermer").addEventListener("click", () => {
  form.hidden = true;
  editing = null;
  document.getElementById("nouvelle").focus();
});

document.getElementById("nouvelle").addEventListener("click", create);

search.addEventListener("submit", async (event) => {
  event.preventDefault();
  words = search.q.value.trim();
  page = 1;
  await load();
});

previous.addEventListener("click", async () => {
  page -= 1;
  await load();
});

next.addEventListener("click", async () => {
  page += 1;
  await load();
});

importForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(importForm, importErrors);
  const file = importForm.file.files[0];
  if (!file) {
    showErrors(importForm, importErrors, { message: "Choisissez un fichier CSV.", fields: { file: "Choisissez un "
      + "fichier CSV." } });
    return;
  }
  try {
    const data = (await api.importPeople(file)).data;
    document.getElementById("rapport-lignes").replaceChildren(...data.lines.map((line) => el("tr", {},
      el("td", {}, String(line.line)),
      el("td", {}, line.identifier || "—"),
      el("td", {}, OUTCOMES[line.outcome] || line.outcome),
      el("td", {}, line.errors.length ? el("ul", {}, line.errors.map((e) =>
        el("li", {}, `${FIELDS[e.field] || "Ligne"} : ${e.message}`))) : ""))));
    report.hidden = false;
    const bilan = document.getElementById("bilan");
    bilan.textContent = `Import terminé : ${data.created} créée(s), ${data.updated} mise(s) à jour, `
      + `${data.unchanged} inchangée(s), ${data.refused} refusée(s).`;
    bilan.focus();
    await load();
  } catch (error) {
    report.hidden = true;
    showErrors(importForm, importErrors, error);
  }
});

/** With a directory (the administrator's own fields are read-only), nobody is created nor imported here. */
async function fromDirectory(me) {
  try {
    const readOnly = (await api.adminPerson(me.identifier)).data.readOnly;
    if (!readOnly.email) return;
    document.getElementById("nouvelle").hidden = true;
    importForm.hidden = true;
    document.getElementById("origine").prepend("Les personnes viennent de l'annuaire de l'académie : les "
      + "comptes se créent et se désactivent dans l'annuaire. Le guichet ne garde que les rôles et les groupes que "
      + "l'annuaire ne donne pas. ");
  } catch (error) {
    showErrors(search, summary, error);
  }
}

async function start() {
  const me = await adminFrame("admin");
  await fromDirectory(me);
  checkboxes(document.getElementById("roles-choix"), "role", ROLES);
  try {
    groups = (await api.groups()).data;
  } catch (error) {
    showErrors(search, summary, error);
  }
  checkboxes(document.getElementById("groupes-choix"), "group",
    groups.map((g) => [g.code, g.label]));
  await load();
}

start();
