import { api } from "./api.js";
import { adminFrame, el, showErrors, clearErrors } from "./layout.js";
import { personSearch } from "./choix-personne.js";

const success = document.getElementById("message-succes");
const summary = document.getElementById("resume-erreurs");
const list = document.getElementById("groupes");
const creation = document.getElementById("creation");
const creationErrors = document.getElementById("creation-erreurs");

/** The group's own forms: renaming, then its members (added by a search of people, removed one by one). */
function groupItem(group) {
  const key = `groupe-${group.code}`;
  const members = group.members.map((m) => m.identifier);
  const renameErrors = el("div", { class: "alerte erreur", role: "alert", tabindex: "-1" });
  const rename = el("form", { novalidate: true, "aria-label": `Renommer ${group.label}` },
    renameErrors,
    el("div", { class: "champ" },
      el("label", { for: `${key}-libelle` }, "Libellé"),
      el("div", { class: "actions" },
        el("input", {
          type: "text", id: `${key}-libelle`, name: "label", "data-champ": "label", maxlength: "120",
          value: group.label, "aria-describedby": `${key}-libelle-erreur`,
        }),
        el("button", { class: "bouton secondaire", type: "submit" }, "Renommer")),
      el("p", { class: "erreur-champ", id: `${key}-libelle-erreur` })));
  rename.addEventListener("submit", (event) => {
    event.preventDefault();
    change(group, { label: rename.label.value }, rename, renameErrors,
      `Le groupe « ${group.label} » s'appelle désormais « ${rename.label.value} ».`);
  });

  const membersErrors = el("div", { class: "alerte erreur", role: "alert", tabindex: "-1" });
  const membersForm = el("form", { novalidate: true, "aria-label": `Membres de ${group.label}` }, membersErrors);
  const add = (person) => change(group, { members: [...members, person.identifier] }, membersForm, membersErrors,
    `${person.displayName} fait désormais partie du groupe « ${group.label} ».`);
  const remove = (member) => change(group, { members: members.filter((m) => m !== member.identifier) },
    membersForm, membersErrors, `${member.displayName} ne fait plus partie du groupe « ${group.label} ».`);
  membersForm.append(
    el("h4", {}, `Membres (${group.members.length})`),
    group.members.length
      ? el("ul", { class: "membres" }, group.members.map((m) => el("li", {},
        `${m.displayName} (${m.identifier}) `,
        el("button", {
          class: "bouton secondaire", type: "button", onclick: () => remove(m),
          "aria-label": `Retirer ${m.displayName} du groupe`,
        }, "Retirer"))))
      : el("p", {}, "Aucun membre."),
    personSearch(`${key}-ajout`, "members", "Ajouter un membre", add, (p) => !members.includes(p.identifier)));

  return el("li", { id: key },
    el("h3", { class: "titre-element" }, group.label),
    rename, membersForm);
}

async function change(group, changes, form, errors, done) {
  clearErrors(form, errors);
  try {
    await api.changeGroup(group.code, changes, group.etag);
    await load(done);
  } catch (error) {
    showErrors(form, errors, error);
  }
}

async function load(message) {
  success.textContent = "";
  summary.replaceChildren();
  try {
    const groups = (await api.adminGroups()).data;
    list.replaceChildren(...groups.map(groupItem));
    if (message) {
      success.textContent = message;
      success.focus();
    }
  } catch (error) {
    showErrors(creation, summary, error);
  }
}

creation.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(creation, creationErrors);
  const label = creation.label.value;
  try {
    await api.createGroup(creation.code.value.trim(), label);
    creation.reset();
    await load(`Le groupe « ${label} » a été créé.`);
  } catch (error) {
    showErrors(creation, creationErrors, error);
  }
});

await adminFrame("admin");
await load();
