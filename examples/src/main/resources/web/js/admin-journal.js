// Administration: the journal of administrative changes, newest first, a page at a time, each with what changed.
import { api } from "./api.js";
import { adminFrame, dateTime, el, showErrors } from "./layout.js";

const SIZE = 20;

/** Each action the administration records, as an administrator reads it; an unknown one as a change. */
const ACTIONS = {
  "person.create": "Création d'un compte",
  "person.update": "Modification d'un compte",
  "person.deactivate": "Désactivation d'un compte",
  "person.reactivate": "Réactivation d'un compte",
  "person.import": "Import d'un compte (fichier CSV)",
  "person.export": "Export des données d'une personne (droit d'accès)",
  "group.create": "Création d'un groupe de support",
  "group.update": "Modification d'un groupe de support",
  "subject.create": "Ajout d'un sujet au catalogue",
  "subject.update": "Modification d'un sujet du catalogue",
  "request-type.create": "Ajout d'un type de demande",
  "request-type.update": "Modification d'un type de demande",
  "settings.update": "Modification des paramètres",
  "retention.run": "Anonymisation des données anciennes",
};

/** The fields of the things administered, in French; an unknown name is shown as it is. */
const FIELDS = {
  identifier: "Identifiant",
  email: "Adresse électronique",
  givenName: "Prénom",
  familyName: "Nom",
  establishment: "Établissement (UAI)",
  roles: "Rôles",
  groups: "Groupes",
  active: "Actif",
  label: "Libellé",
  parent: "Sujet parent",
  position: "Position",
  group: "Groupe de support",
  specialists: "Spécialistes",
  routing: "Acheminement",
  members: "Membres",
  reopenWindowDays: "Délai de réouverture",
  autoCloseWaitingDays: "Clôture automatique",
  retentionSchoolYears: "Durée de conservation",
  mailDomains: "Domaines de messagerie",
  keptFrom: "Première année scolaire conservée",
  requests: "Demandes anonymisées",
  files: "Fichiers supprimés",
  people: "Comptes anonymisés",
  outboxRows: "Courriels effacés de la file d'envoi",
  sessions: "Sessions expirées effacées",
  passwordResets: "Liens de mot de passe expirés effacés",
};

/** The fields that hold a code, which people do not read. */
const HIDDEN = new Set(["code"]);

/** The kinds of things changed that are one of their kind: the entry's title names the action alone. */
const SINGLE = new Set(["settings", "retention"]);

const summary = document.getElementById("resume-erreurs");
const position = document.getElementById("position");
const list = document.getElementById("entrees");
const previous = document.getElementById("precedent");
const next = document.getElementById("suivant");

let page = Math.max(1, Number.parseInt(new URLSearchParams(window.location.search).get("page"), 10) || 1);

/** What the change was made to: its label, and a person's identifier in parentheses, never a code. */
function target(t) {
  return t.kind === "person" && t.key !== t.label ? `${t.label} (${t.key})` : t.label;
}

/** The fields whose value differs before and after, in French alphabetical order of their labels. */
function changes(before, after) {
  const names = new Set([...Object.keys(before || {}), ...Object.keys(after || {})]);
  return [...names]
    .filter((name) => !HIDDEN.has(name) && (before || {})[name] !== (after || {})[name])
    .map((name) => ({ label: FIELDS[name] || name, before: (before || {})[name], after: (after || {})[name] }))
    .sort((a, b) => a.label.localeCompare(b.label, "fr"));
}

function entry(e) {
  const rows = changes(e.before, e.after).map((c) => el("tr", {},
    el("th", { scope: "row" }, c.label),
    el("td", { "data-colonne": "Avant" }, c.before === undefined ? "—" : c.before),
    el("td", { "data-colonne": "Après" }, c.after === undefined ? "—" : c.after)));
  const action = ACTIONS[e.action] || "Modification administrative";
  return el("li", {},
    el("h2", {}, SINGLE.has(e.target.kind) ? action : `${action} : ${target(e.target)}`),
    el("p", { class: "qui" }, el("time", { datetime: e.at }, dateTime(e.at)), ", par ", e.by.displayName),
    rows.length
      ? el("table", { class: "historique" },
        el("caption", { class: "visuellement-cache" }, `Valeurs avant et après : ${action}`),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Champ"), el("th", { scope: "col" }, "Avant"),
          el("th", { scope: "col" }, "Après"))),
        el("tbody", {}, rows))
      : el("p", {}, "Aucune valeur n'a changé."));
}

async function load(focus) {
  summary.replaceChildren();
  try {
    const { data } = await api.adminAudit(page, SIZE);
    if (!data.items.length && data.total > 0 && page > 1) {
      page = Math.ceil(data.total / data.size);
      await load(focus);
      return;
    }
    const first = data.total === 0 ? 0 : (data.page - 1) * data.size + 1;
    const last = Math.min(data.total, data.page * data.size);
    position.textContent = data.total === 0 ? "Aucune modification n'a encore été faite."
      : `${first} – ${last} sur ${data.total}`;
    list.replaceChildren(...data.items.map(entry));
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

await adminFrame("admin");
await load(false);
